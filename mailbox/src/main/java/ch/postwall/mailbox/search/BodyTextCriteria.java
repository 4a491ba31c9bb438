package ch.postwall.mailbox.search;

import java.util.List;

import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.SearchQuery.Criterion;

/** Finds and replaces, at any depth of a search query, the text criteria {@link BodyTextQuery} answers. */
final class BodyTextCriteria {
    interface Replacement {
        Criterion replace(SearchQuery.TextCriterion criterion) throws Exception;
    }

    private BodyTextCriteria() {
    }

    static boolean present(List<Criterion> criteria) {
        return criteria.stream().anyMatch(BodyTextCriteria::present);
    }

    private static boolean present(Criterion criterion) {
        if (criterion instanceof SearchQuery.TextCriterion text) {
            return BodyTextQuery.handles(text);
        }
        return criterion instanceof SearchQuery.ConjunctionCriterion conjunction && present(conjunction.getCriteria());
    }

    /** The same query (sorts and recent messages too) with each such criterion replaced. */
    static SearchQuery replace(SearchQuery query, Replacement replacement) throws Exception {
        return SearchQuery.builder()
            .andCriteria(replace(query.getCriteria(), replacement))
            .sorts(query.getSorts())
            .addRecentMessageUids(query.getRecentMessageUids())
            .build();
    }

    private static List<Criterion> replace(List<Criterion> criteria, Replacement replacement) throws Exception {
        Criterion[] replaced = new Criterion[criteria.size()];
        for (int i = 0; i < replaced.length; i++) {
            replaced[i] = replace(criteria.get(i), replacement);
        }
        return List.of(replaced);
    }

    private static Criterion replace(Criterion criterion, Replacement replacement) throws Exception {
        if (criterion instanceof SearchQuery.TextCriterion text && BodyTextQuery.handles(text)) {
            return replacement.replace(text);
        }
        if (criterion instanceof SearchQuery.ConjunctionCriterion conjunction) {
            return new SearchQuery.ConjunctionCriterion(conjunction.getType(), replace(conjunction.getCriteria(), replacement));
        }
        return criterion;
    }
}
