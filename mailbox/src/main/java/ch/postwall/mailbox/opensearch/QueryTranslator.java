package ch.postwall.mailbox.opensearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.SearchQuery.AddressType;
import org.apache.james.mailbox.model.SearchQuery.Criterion;
import org.apache.james.mailbox.model.SearchQuery.DateOperator;
import org.apache.james.mailbox.model.SearchQuery.DateResolution;
import org.apache.james.mailbox.model.SearchQuery.NumericOperator;
import org.apache.james.mailbox.model.SearchQuery.Sort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates James's {@link SearchQuery} criteria and sorts into OpenSearch query DSL.
 * Text criteria match the words of the searched value in sequence, the last one as a prefix (case and
 * accent folded); dates are compared
 * in UTC at the requested resolution, as IMAP SEARCH and James's Lucene index do.
 */
class QueryTranslator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> FULL_TEXT_FIELDS = List.of("headerText", "textBody", "htmlBody",
        "attachments.text", "attachments.fileName", "from.address", "to.address", "cc.address", "bcc.address");

    ObjectNode query(SearchQuery searchQuery, Collection<String> mailboxIds) {
        ObjectNode bool = JSON.objectNode();
        bool.putArray("filter").add(terms("mailboxId", mailboxIds));
        ArrayNode must = bool.putArray("must");
        Collection<MessageUid> recent = searchQuery.getRecentMessageUids();
        searchQuery.getCriteria().forEach(criterion -> must.add(criterion(criterion, recent)));
        return wrap("bool", bool);
    }

    ArrayNode sort(List<Sort> sorts) {
        ArrayNode result = JSON.arrayNode();
        for (Sort sort : sorts) {
            String order = sort.isReverse() ? "desc" : "asc";
            result.addObject().set(sortField(sort.getSortClause()), JSON.objectNode().put("order", order));
        }
        // Total order, needed for search_after paging: uid within a mailbox, then the mailbox.
        result.addObject().set("uid", JSON.objectNode().put("order", "asc"));
        result.addObject().set("mailboxId", JSON.objectNode().put("order", "asc"));
        return result;
    }

    private String sortField(Sort.SortClause clause) {
        switch (clause) {
            case Arrival:
                return "internalDate";
            case MailboxCc:
                return "sortCc";
            case MailboxFrom:
                return "sortFrom";
            case MailboxTo:
                return "sortTo";
            case BaseSubject:
                return "sortBaseSubject";
            case Size:
                return "size";
            case SentDate:
                return "sentDate";
            case Uid:
                return "uid";
            case Id:
                return "messageId";
            default:
                throw new IllegalArgumentException("Unsupported sort " + clause);
        }
    }

    private ObjectNode criterion(Criterion criterion, Collection<MessageUid> recent) {
        if (criterion instanceof SearchQuery.AllCriterion) {
            return wrap("match_all", JSON.objectNode());
        } else if (criterion instanceof SearchQuery.ConjunctionCriterion conjunction) {
            return conjunction(conjunction, recent);
        } else if (criterion instanceof SearchQuery.HeaderCriterion header) {
            return header(header);
        } else if (criterion instanceof SearchQuery.TextCriterion text) {
            return text(text);
        } else if (criterion instanceof SearchQuery.FlagCriterion flag) {
            return flag(SystemFlag.nameOf(flag.getFlag()), flag.getOperator().isSet(),
                flag.getFlag() == javax.mail.Flags.Flag.RECENT ? recent : List.of());
        } else if (criterion instanceof SearchQuery.CustomFlagCriterion flag) {
            ObjectNode term = term("userFlags", flag.getFlag());
            return flag.getOperator().isSet() ? term : not(term);
        } else if (criterion instanceof SearchQuery.InternalDateCriterion date) {
            return date("internalDate", date.getOperator());
        } else if (criterion instanceof SearchQuery.SaveDateCriterion date) {
            return date("saveDate", date.getOperator());
        } else if (criterion instanceof SearchQuery.SizeCriterion size) {
            return numeric("size", size.getOperator());
        } else if (criterion instanceof SearchQuery.ModSeqCriterion modSeq) {
            return numeric("modSeq", modSeq.getOperator());
        } else if (criterion instanceof SearchQuery.UidCriterion uid) {
            return uids(uid.getOperator().getRange());
        } else if (criterion instanceof SearchQuery.AttachmentCriterion attachment) {
            return term("hasAttachment", attachment.getOperator().isSet());
        } else if (criterion instanceof SearchQuery.MessageIdCriterion messageId) {
            return term("messageId", messageId.getMessageId().serialize());
        } else if (criterion instanceof SearchQuery.ThreadIdCriterion threadId) {
            return term("threadId", threadId.getThreadId().serialize());
        } else if (criterion instanceof SearchQuery.MimeMessageIDCriterion mimeMessageId) {
            return header(mimeMessageId.asHeaderCriterion());
        } else if (criterion instanceof SearchQuery.SubjectCriterion subject) {
            return header(subject.asHeaderCriterion());
        }
        throw new IllegalArgumentException("Unsupported search criterion " + criterion);
    }

    private ObjectNode conjunction(SearchQuery.ConjunctionCriterion conjunction, Collection<MessageUid> recent) {
        ObjectNode bool = JSON.objectNode();
        String occurrence = switch (conjunction.getType()) {
            case AND -> "must";
            case OR -> "should";
            case NOR -> "must_not";
        };
        ArrayNode clauses = bool.putArray(occurrence);
        conjunction.getCriteria().forEach(criterion -> clauses.add(criterion(criterion, recent)));
        if (occurrence.equals("should")) {
            bool.put("minimum_should_match", 1);
        }
        return wrap("bool", bool);
    }

    private ObjectNode header(SearchQuery.HeaderCriterion criterion) {
        String name = criterion.getHeaderName().toLowerCase(Locale.US);
        SearchQuery.HeaderOperator operator = criterion.getOperator();
        if (operator instanceof SearchQuery.ExistsOperator) {
            return headerExists(name);
        } else if (operator instanceof SearchQuery.AddressOperator address) {
            return address(name, address.getAddress());
        } else if (operator instanceof DateOperator date) {
            return date("sentDate", date);
        } else if (operator instanceof SearchQuery.ContainsOperator contains) {
            String value = contains.getValue();
            if (value.isBlank()) {
                // IMAP: HEADER name "" matches every message having that header.
                return headerExists(name);
            }
            if (isAddressHeader(name)) {
                return address(name, value);
            }
            if (name.equals("subject")) {
                return match("subject", value);
            }
            ObjectNode bool = JSON.objectNode();
            bool.putArray("must").add(term("headers.name", name)).add(match("headers.value", value));
            return nested(wrap("bool", bool));
        }
        throw new IllegalArgumentException("Unsupported header operator " + operator);
    }

    private static boolean isAddressHeader(String name) {
        return List.of(AddressType.values()).stream().anyMatch(type -> type.name().toLowerCase(Locale.US).equals(name));
    }

    private ObjectNode headerExists(String name) {
        return nested(term("headers.name", name));
    }

    private ObjectNode nested(ObjectNode query) {
        return wrap("nested", JSON.objectNode().put("path", "headers").set("query", query));
    }

    private ObjectNode address(String field, String value) {
        ObjectNode bool = JSON.objectNode();
        bool.putArray("should")
            .add(match(field + ".address", value))
            .add(match(field + ".name", value))
            .add(term(field + ".domain", value.toLowerCase(Locale.US)));
        bool.put("minimum_should_match", 1);
        return wrap("bool", bool);
    }

    private ObjectNode text(SearchQuery.TextCriterion criterion) {
        String value = criterion.getOperator().getValue();
        switch (criterion.getType()) {
            case BODY:
                return multiMatch(List.of("textBody", "htmlBody"), value);
            case FULL:
                return multiMatch(FULL_TEXT_FIELDS, value);
            case ATTACHMENTS:
                return match("attachments.text", value);
            case ATTACHMENT_FILE_NAME:
                return match("attachments.fileName", value);
            default:
                throw new IllegalArgumentException("Unsupported text scope " + criterion.getType());
        }
    }

    private ObjectNode flag(String name, boolean set, Collection<MessageUid> recent) {
        ObjectNode flagged = term("flags", name);
        if (!recent.isEmpty()) {
            // The session knows recent messages the index may not: they count as flagged \Recent.
            ObjectNode bool = JSON.objectNode();
            bool.putArray("should").add(flagged).add(terms("uid", recent.stream().map(MessageUid::asLong).toList()));
            bool.put("minimum_should_match", 1);
            flagged = wrap("bool", bool);
        }
        return set ? flagged : not(flagged);
    }

    private ObjectNode numeric(String field, NumericOperator operator) {
        long value = operator.getValue();
        return switch (operator.getType()) {
            case EQUALS -> term(field, value);
            case GREATER_THAN -> range(field, "gt", value);
            case LESS_THAN -> range(field, "lt", value);
        };
    }

    private ObjectNode uids(SearchQuery.UidRange[] ranges) {
        ObjectNode bool = JSON.objectNode();
        ArrayNode should = bool.putArray("should");
        for (SearchQuery.UidRange range : ranges) {
            ObjectNode bounds = JSON.objectNode().put("gte", range.getLowValue().asLong()).put("lte", range.getHighValue().asLong());
            should.add(wrap("range", JSON.objectNode().set("uid", bounds)));
        }
        bool.put("minimum_should_match", 1);
        return wrap("bool", bool);
    }

    private ObjectNode date(String field, DateOperator operator) {
        ZonedDateTime start = truncate(operator.getDate().toInstant(), operator.getDateResultion());
        long from = start.toInstant().toEpochMilli();
        long to = next(start, operator.getDateResultion()).toInstant().toEpochMilli();
        return switch (operator.getType()) {
            case BEFORE -> range(field, "lt", from);
            case AFTER -> range(field, "gte", to);
            case ON -> wrap("range", JSON.objectNode().set(field, JSON.objectNode().put("gte", from).put("lt", to)));
        };
    }

    private static ZonedDateTime truncate(Instant instant, DateResolution resolution) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return switch (resolution) {
            case Second -> utc.truncatedTo(ChronoUnit.SECONDS);
            case Minute -> utc.truncatedTo(ChronoUnit.MINUTES);
            case Hour -> utc.truncatedTo(ChronoUnit.HOURS);
            case Day -> utc.truncatedTo(ChronoUnit.DAYS);
            case Month -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case Year -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
    }

    private static ZonedDateTime next(ZonedDateTime start, DateResolution resolution) {
        return switch (resolution) {
            case Second -> start.plusSeconds(1);
            case Minute -> start.plusMinutes(1);
            case Hour -> start.plusHours(1);
            case Day -> start.plusDays(1);
            case Month -> start.plusMonths(1);
            case Year -> start.plusYears(1);
        };
    }

    // IMAP SEARCH asks for substrings: the words in sequence, the last one possibly cut short.
    private static ObjectNode match(String field, String value) {
        return wrap("match_phrase_prefix", JSON.objectNode().set(field, JSON.objectNode().put("query", value)));
    }

    private static ObjectNode multiMatch(List<String> fields, String value) {
        ObjectNode multiMatch = JSON.objectNode().put("query", value).put("type", "phrase_prefix");
        ArrayNode fieldNames = multiMatch.putArray("fields");
        fields.forEach(fieldNames::add);
        return wrap("multi_match", multiMatch);
    }

    private static ObjectNode range(String field, String comparator, long value) {
        return wrap("range", JSON.objectNode().set(field, JSON.objectNode().put(comparator, value)));
    }

    static ObjectNode term(String field, String value) {
        return wrap("term", JSON.objectNode().put(field, value));
    }

    private static ObjectNode term(String field, long value) {
        return wrap("term", JSON.objectNode().put(field, value));
    }

    private static ObjectNode term(String field, boolean value) {
        return wrap("term", JSON.objectNode().put(field, value));
    }

    static ObjectNode terms(String field, Collection<?> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(value -> array.add(JSON.pojoNode(value)));
        return wrap("terms", JSON.objectNode().set(field, array));
    }

    private static ObjectNode not(ObjectNode query) {
        ObjectNode bool = JSON.objectNode();
        bool.putArray("must_not").add(query);
        return wrap("bool", bool);
    }

    static ObjectNode wrap(String name, JsonNode content) {
        ObjectNode node = JSON.objectNode();
        node.set(name, content);
        return node;
    }
}
