package ch.postwall.filter.protocollog;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The transcript lines as one JSON text, for the backends that store a session in one row. */
public final class TranscriptCodec {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final TypeReference<List<TranscriptLine>> LINES = new TypeReference<>() { };

    private TranscriptCodec() {
    }

    public static String encode(List<TranscriptLine> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Transcript cannot be serialised", e);
        }
    }

    public static List<TranscriptLine> decode(String json) {
        try {
            return JSON.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored transcript is invalid", e);
        }
    }
}
