package ch.postwall.filter.policy;

import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON form of a policy, shared by the persistent stores and the WebAdmin routes. Unknown fields
 * are rejected so that a typo in a request does not silently fall back to a default.
 */
public final class DomainPolicyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Dto(@JsonProperty("quarantineThreshold") Double quarantineThreshold,
               @JsonProperty("rejectThreshold") Double rejectThreshold,
               @JsonProperty("allowList") Set<String> allowList,
               @JsonProperty("blockList") Set<String> blockList,
               @JsonProperty("checks") Set<Check> checks,
               @JsonProperty("whenScannerDown") ScannerDownBehaviour whenScannerDown) {
        @JsonCreator
        Dto {
        }
    }

    private DomainPolicyJson() {
    }

    public static String toJson(DomainPolicy policy) {
        try {
            return MAPPER.writeValueAsString(new Dto(policy.quarantineThreshold(), policy.rejectThreshold(), policy.allowList(),
                policy.blockList(), policy.checks(), policy.whenScannerDown()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a policy; absent fields take the values of {@link DomainPolicy#DEFAULT}. */
    public static DomainPolicy fromJson(String json) {
        Dto dto;
        try {
            dto = MAPPER.readValue(json, Dto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid policy JSON: " + e.getOriginalMessage(), e);
        }
        if (dto == null) {
            throw new IllegalArgumentException("Invalid policy JSON: empty document");
        }
        DomainPolicy defaults = DomainPolicy.DEFAULT;
        return new DomainPolicy(
            orDefault(dto.quarantineThreshold(), defaults.quarantineThreshold()),
            orDefault(dto.rejectThreshold(), defaults.rejectThreshold()),
            orDefault(dto.allowList(), defaults.allowList()),
            orDefault(dto.blockList(), defaults.blockList()),
            orDefault(dto.checks(), defaults.checks()),
            orDefault(dto.whenScannerDown(), defaults.whenScannerDown()));
    }

    private static <T> T orDefault(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }
}
