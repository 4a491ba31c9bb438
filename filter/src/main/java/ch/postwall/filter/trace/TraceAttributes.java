package ch.postwall.filter.trace;

import java.util.List;

import org.apache.mailet.AttributeName;

/**
 * The mail attributes through which the analysis mailets hand their results to the trace, and the
 * trace hands its entry id to later mailets. Defined here because the analysis (branch wip/filter)
 * had none yet: the analysis mailets should write these names.
 */
public interface TraceAttributes {
    /** The overall verdict, a String such as {@code clean}, {@code spam}, {@code virus}, {@code reject}. */
    AttributeName VERDICT = AttributeName.of("postwall.verdict");
    /** The spam score, a Double or a String. */
    AttributeName SPAM_SCORE = AttributeName.of("postwall.spam.score");
    /** The virus scan result: {@code clean} or the signature name. */
    AttributeName VIRUS = AttributeName.of("postwall.virus");
    /** The SPF result ({@code pass}, {@code fail}, {@code softfail}, ...). */
    AttributeName SPF = AttributeName.of("postwall.spf");
    /** The DNS block lists that listed the client, if any. */
    AttributeName DNSBL = AttributeName.of("postwall.dnsbl");
    /** Further checks: every attribute whose name starts with this prefix is traced under the rest of its name. */
    String CHECK_PREFIX = "postwall.check.";

    /** The checks traced under their attribute names. */
    List<AttributeName> CHECKS = List.of(SPAM_SCORE, VIRUS, SPF, DNSBL);

    /** The id of the mail's trace entry (a String), set by {@code RecordTrace} for later delivery updates. */
    AttributeName TRACE_ID = AttributeName.of("postwall.trace.id");
}
