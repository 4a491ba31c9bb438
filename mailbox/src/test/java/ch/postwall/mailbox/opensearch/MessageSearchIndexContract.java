package ch.postwall.mailbox.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.mail.Flags;
import javax.mail.Flags.Flag;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.SearchQuery.AddressType;
import org.apache.james.mailbox.model.SearchQuery.DateResolution;
import org.apache.james.mailbox.model.SearchQuery.Sort;
import org.apache.james.mailbox.model.SearchQuery.Sort.Order;
import org.apache.james.mailbox.model.SearchQuery.Sort.SortClause;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.fge.lambdas.Throwing;

/**
 * What every {@link ListeningMessageSearchIndex} of Postwall must answer. The index is driven the way
 * mailbox events drive it (add, flags update, expunge, mailbox deletion) over a small corpus of five
 * messages in Alice's INBOX and one in her Archive.
 */
public interface MessageSearchIndexContract {
    Username ALICE = Username.of("alice@example.org");
    MailboxSession SESSION = TestMessages.session(ALICE);

    /** The index under test, the same instance during one test. */
    ListeningMessageSearchIndex index();

    /** Makes every change done so far visible to searches. */
    void awaitIndexed() throws Exception;

    /** Alice's INBOX and Archive, and the messages by uid, filled by {@link #addCorpus()}. */
    Corpus corpus();

    final class Corpus {
        final Mailbox inbox = TestMessages.mailbox(ALICE, "INBOX");
        final Mailbox archive = TestMessages.mailbox(ALICE, "Archive");
        final Map<Long, MailboxMessage> messages = new java.util.HashMap<>();
    }

    @BeforeEach
    default void addCorpus() throws Exception {
        Corpus corpus = corpus();
        add(corpus, corpus.inbox, 1, "2026-03-02T10:05:00Z", new Flags(Flag.SEEN),
            "From: =?UTF-8?Q?Zo=C3=A9?= Martin <zoe@example.org>\n"
                + "To: bob@example.net\n"
                + "Cc: carol@example.com\n"
                + "Subject: =?UTF-8?Q?R=C3=A9union?= budget\n"
                + "Date: Mon, 02 Mar 2026 10:00:00 +0000\n"
                + "Message-ID: <meeting-1@example.org>\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n"
                + "\n"
                + "Le café est prêt. Budget review tomorrow.\n");
        Flags answeredImportant = new Flags(Flag.ANSWERED);
        answeredImportant.add(Flag.FLAGGED);
        answeredImportant.add("$Important");
        add(corpus, corpus.inbox, 2, "2026-03-03T08:05:00Z", answeredImportant,
            "From: alice@example.org\n"
                + "To: =?UTF-8?Q?Zo=C3=A9?= Martin <zoe@example.org>\n"
                + "Subject: Re: =?UTF-8?Q?R=C3=A9union?= budget\n"
                + "Date: Tue, 03 Mar 2026 08:00:00 +0000\n"
                + "In-Reply-To: <meeting-1@example.org>\n"
                + "\n"
                + "Thanks for the update\n");
        add(corpus, corpus.inbox, 3, "2026-01-15T12:05:00Z", new Flags(),
            TestMessages.withAttachment("From: bob@example.net\n"
                    + "To: alice@example.org\n"
                    + "Bcc: dave@example.com\n"
                    + "Subject: Holiday pictures\n"
                    + "Date: Thu, 15 Jan 2026 12:00:00 +0000\n"
                    + "X-Priority: 1\n",
                "See the attached notes",
                "application/octet-stream", "vacances-ete.txt",
                "Sunny beaches of Lisbon".getBytes(StandardCharsets.UTF_8)));
        Flags deletedDraft = new Flags(Flag.DELETED);
        deletedDraft.add(Flag.DRAFT);
        add(corpus, corpus.inbox, 4, "2025-12-31T23:50:00Z", deletedDraft,
            "From: carol@example.com\n"
                + "To: alice@example.org\n"
                + "Subject: Invoice 2026-07\n"
                + "Date: Wed, 31 Dec 2025 23:30:00 -0200\n"
                + "Content-Type: text/html; charset=UTF-8\n"
                + "\n"
                + "<html><body><p>Your invoice grand total</p></body></html>\n");
        add(corpus, corpus.inbox, 5, "2026-02-10T09:00:00Z", new Flags(),
            TestMessages.withAttachment("From: Bob <bob@example.net>\n"
                    + "To: carol@example.com\n"
                    + "Subject: Quarterly report\n"
                    + "Date: Sat, 01 Nov 2025 09:00:00 +0000\n",
                "Quarterly numbers inside, a long explanation follows to make this message the largest one of all",
                "application/pdf", "report.pdf",
                "%PDF-1.4 this is not really a PDF \u0000\u0001 broken".getBytes(StandardCharsets.ISO_8859_1)));
        add(corpus, corpus.archive, 1, "2026-03-01T00:00:00Z", new Flags(),
            "From: bob@example.net\n"
                + "To: alice@example.org\n"
                + "Subject: Holiday pictures archived\n"
                + "Date: Sun, 01 Mar 2026 00:00:00 +0000\n"
                + "\n"
                + "Old holiday\n");
        awaitIndexed();
    }

    private void add(Corpus corpus, Mailbox mailbox, long uid, String internalDate, Flags flags, String rfc822) throws Exception {
        MailboxMessage message = TestMessages.message(mailbox, uid, Instant.parse(internalDate), flags, rfc822);
        if (mailbox == corpus.inbox) {
            corpus.messages.put(uid, message);
        }
        index().add(SESSION, mailbox, message).block();
    }

    default List<Long> search(SearchQuery.Criterion... criteria) throws Exception {
        return search(SearchQuery.of(criteria));
    }

    default List<Long> search(SearchQuery query) throws Exception {
        return index().search(SESSION, corpus().inbox, query)
            .map(MessageUid::asLong)
            .collectList()
            .block();
    }

    default List<Long> sorted(Sort... sorts) throws Exception {
        return search(SearchQuery.allSortedWith(sorts));
    }

    static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private long size(long uid) {
        return corpus().messages.get(uid).getFullContentOctets();
    }

    @Test
    default void allShouldReturnEveryMessageOfTheMailboxInUidOrder() throws Exception {
        assertThat(search(SearchQuery.all())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    default void searchShouldOnlyReturnMessagesOfTheSearchedMailbox() throws Exception {
        assertThat(index().search(SESSION, corpus().archive, SearchQuery.of(SearchQuery.all())).map(MessageUid::asLong).collectList().block())
            .containsExactly(1L);
    }

    @Test
    default void fromContainsShouldMatchDisplayName() throws Exception {
        assertThat(search(SearchQuery.headerContains("From", "martin"))).containsExactly(1L);
    }

    @Test
    default void fromAddressShouldMatchEmailAddress() throws Exception {
        assertThat(search(SearchQuery.address(AddressType.From, "bob@example.net"))).containsExactly(3L, 5L);
    }

    @Test
    default void toAddressShouldMatchEmailAddress() throws Exception {
        assertThat(search(SearchQuery.address(AddressType.To, "alice@example.org"))).containsExactly(3L, 4L);
    }

    @Test
    default void ccAddressShouldMatchEmailAddress() throws Exception {
        assertThat(search(SearchQuery.address(AddressType.Cc, "carol@example.com"))).containsExactly(1L);
    }

    @Test
    default void bccAddressShouldMatchEmailAddress() throws Exception {
        assertThat(search(SearchQuery.address(AddressType.Bcc, "dave@example.com"))).containsExactly(3L);
    }

    @Test
    default void addressShouldMatchWhateverTheCase() throws Exception {
        assertThat(search(SearchQuery.address(AddressType.From, "BOB@Example.NET"))).containsExactly(3L, 5L);
    }

    @Test
    default void subjectShouldMatchWhateverTheCase() throws Exception {
        assertThat(search(SearchQuery.headerContains("Subject", "HOLIDAY"))).containsExactly(3L);
    }

    @Test
    default void subjectShouldMatchWhenAccentsDiffer() throws Exception {
        assertThat(search(SearchQuery.subject("reunion"))).containsExactly(1L, 2L);
    }

    @Test
    default void subjectShouldMatchDecodedEncodedWords() throws Exception {
        assertThat(search(SearchQuery.subject("réunion"))).containsExactly(1L, 2L);
    }

    @Test
    default void subjectShouldMatchWordPrefix() throws Exception {
        assertThat(search(SearchQuery.headerContains("Subject", "Holi"))).containsExactly(3L);
    }

    @Test
    default void subjectShouldMatchConsecutiveWords() throws Exception {
        assertThat(search(SearchQuery.headerContains("Subject", "holiday pictures"))).containsExactly(3L);
    }

    @Test
    default void headerContainsShouldMatchAnyHeader() throws Exception {
        assertThat(search(SearchQuery.headerContains("X-Priority", "1"))).containsExactly(3L);
    }

    @Test
    default void headerExistsShouldMatchMessagesHavingTheHeader() throws Exception {
        assertThat(search(SearchQuery.headerExists("In-Reply-To"))).containsExactly(2L);
    }

    @Test
    default void headerExistsShouldMatchAddressHeaders() throws Exception {
        assertThat(search(SearchQuery.headerExists("Cc"))).containsExactly(1L);
    }

    @Test
    default void sentDateOnShouldCompareInUtcAtDayResolution() throws Exception {
        // 31 Dec 2025 23:30 -0200 is 1 Jan 2026 in UTC
        assertThat(search(SearchQuery.sentDateOn(date("2026-01-01T12:00:00Z"), DateResolution.Day))).containsExactly(4L);
    }

    @Test
    default void sentDateBeforeShouldExcludeTheGivenDay() throws Exception {
        assertThat(search(SearchQuery.sentDateBefore(date("2026-01-15T18:00:00Z"), DateResolution.Day))).containsExactly(4L, 5L);
    }

    @Test
    default void sentDateAfterShouldExcludeTheGivenDay() throws Exception {
        assertThat(search(SearchQuery.sentDateAfter(date("2026-03-02T00:00:00Z"), DateResolution.Day))).containsExactly(2L);
    }

    @Test
    default void sentDateOnShouldHonourYearResolution() throws Exception {
        assertThat(search(SearchQuery.sentDateOn(date("2025-06-01T00:00:00Z"), DateResolution.Year))).containsExactly(5L);
    }

    @Test
    default void headerDateShouldCompareTheDateHeader() throws Exception {
        assertThat(search(SearchQuery.headerDateBefore("Date", date("2026-01-02T00:00:00Z"), DateResolution.Day))).containsExactly(4L, 5L);
    }

    @Test
    default void internalDateOnShouldMatchTheDay() throws Exception {
        assertThat(search(SearchQuery.internalDateOn(date("2026-03-02T23:59:00Z"), DateResolution.Day))).containsExactly(1L);
    }

    @Test
    default void internalDateOnShouldHonourMonthResolution() throws Exception {
        assertThat(search(SearchQuery.internalDateOn(date("2026-03-15T00:00:00Z"), DateResolution.Month))).containsExactly(1L, 2L);
    }

    @Test
    default void internalDateBeforeShouldMatchEarlierMessages() throws Exception {
        assertThat(search(SearchQuery.internalDateBefore(date("2026-01-15T23:00:00Z"), DateResolution.Day))).containsExactly(4L);
    }

    @Test
    default void internalDateAfterShouldMatchLaterMessages() throws Exception {
        assertThat(search(SearchQuery.internalDateAfter(date("2026-03-02T00:00:00Z"), DateResolution.Day))).containsExactly(2L);
    }

    @Test
    default void bodyContainsShouldMatchTextBodyWhateverTheCase() throws Exception {
        assertThat(search(SearchQuery.bodyContains("THANKS"))).containsExactly(2L);
    }

    @Test
    default void bodyContainsShouldMatchHtmlBody() throws Exception {
        assertThat(search(SearchQuery.bodyContains("grand"))).containsExactly(4L);
    }

    @Test
    default void bodyContainsShouldMatchWhenAccentsDiffer() throws Exception {
        assertThat(search(SearchQuery.bodyContains("cafe"))).containsExactly(1L);
    }

    @Test
    default void bodyContainsShouldMatchWordPrefix() throws Exception {
        assertThat(search(SearchQuery.bodyContains("Thank"))).containsExactly(2L);
    }

    @Test
    default void bodyContainsShouldNotMatchHeaders() throws Exception {
        assertThat(search(SearchQuery.bodyContains("Quarterly report"))).isEmpty();
    }

    @Test
    default void textShouldMatchHeadersAndBody() throws Exception {
        assertThat(search(SearchQuery.mailContains("quarterly"))).containsExactly(5L);
    }

    @Test
    default void textShouldMatchAttachmentContent() throws Exception {
        assertThat(search(SearchQuery.mailContains("lisbon"))).containsExactly(3L);
    }

    @Test
    default void attachmentContainsShouldMatchExtractedText() throws Exception {
        assertThat(search(SearchQuery.attachmentContains("Sunny beaches"))).containsExactly(3L);
    }

    @Test
    default void attachmentContainsShouldNotMatchBody() throws Exception {
        assertThat(search(SearchQuery.attachmentContains("notes"))).isEmpty();
    }

    @Test
    default void attachmentFileNameShouldMatch() throws Exception {
        assertThat(search(SearchQuery.attachmentFileName("report.pdf"))).containsExactly(5L);
    }

    @Test
    default void hasAttachmentShouldMatchMessagesWithAttachments() throws Exception {
        assertThat(search(SearchQuery.hasAttachment())).containsExactly(3L, 5L);
    }

    @Test
    default void hasNoAttachmentShouldMatchMessagesWithoutAttachments() throws Exception {
        assertThat(search(SearchQuery.hasNoAttachment())).containsExactly(1L, 2L, 4L);
    }

    @Test
    default void systemFlagsShouldBeSearchable() throws Exception {
        assertThat(Stream.of(Flag.SEEN, Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.DRAFT)
            .collect(Collectors.toMap(flag -> flag, Throwing.function(flag -> search(SearchQuery.flagIsSet(flag))))))
            .containsEntry(Flag.SEEN, List.of(1L))
            .containsEntry(Flag.ANSWERED, List.of(2L))
            .containsEntry(Flag.FLAGGED, List.of(2L))
            .containsEntry(Flag.DELETED, List.of(4L))
            .containsEntry(Flag.DRAFT, List.of(4L));
    }

    @Test
    default void unsetSystemFlagShouldMatchMessagesWithoutIt() throws Exception {
        assertThat(search(SearchQuery.flagIsUnSet(Flag.SEEN))).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    default void recentFlagShouldIncludeTheSessionsRecentMessages() throws Exception {
        assertThat(search(SearchQuery.builder()
                .andCriteria(SearchQuery.flagIsSet(Flag.RECENT))
                .addRecentMessageUids(List.of(MessageUid.of(2), MessageUid.of(4)))
                .build()))
            .containsExactly(2L, 4L);
    }

    @Test
    default void userFlagShouldBeSearchable() throws Exception {
        assertThat(search(SearchQuery.flagIsSet("$Important"))).containsExactly(2L);
    }

    @Test
    default void unsetUserFlagShouldMatchMessagesWithoutIt() throws Exception {
        assertThat(search(SearchQuery.flagIsUnSet("$Important"))).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    default void flagsUpdateShouldBeSearchable() throws Exception {
        Flags seen = new Flags(Flag.SEEN);
        index().update(SESSION, corpus().inbox.getMailboxId(), List.of(UpdatedFlags.builder()
            .uid(MessageUid.of(3)).modSeq(ModSeq.of(31)).oldFlags(new Flags()).newFlags(seen).build())).block();
        awaitIndexed();

        assertThat(search(SearchQuery.flagIsSet(Flag.SEEN))).containsExactly(1L, 3L);
    }

    @Test
    default void retrieveIndexedFlagsShouldReturnUpdatedFlags() throws Exception {
        Flags flags = new Flags(Flag.SEEN);
        flags.add("work");
        index().update(SESSION, corpus().inbox.getMailboxId(), List.of(UpdatedFlags.builder()
            .uid(MessageUid.of(2)).modSeq(ModSeq.of(21)).oldFlags(new Flags()).newFlags(flags).build())).block();
        awaitIndexed();

        assertThat(index().retrieveIndexedFlags(corpus().inbox, MessageUid.of(2)).block()).isEqualTo(flags);
    }

    @Test
    default void sizeCriteriaShouldCompareFullSize() throws Exception {
        assertThat(search(SearchQuery.sizeGreaterThan(size(5) - 1))).containsExactly(5L);
        assertThat(search(SearchQuery.sizeLessThan(size(2) + 1))).contains(2L).doesNotContain(5L);
        assertThat(search(SearchQuery.sizeEquals(size(3)))).contains(3L).doesNotContain(5L);
    }

    @Test
    default void uidRangesShouldMatch() throws Exception {
        assertThat(search(SearchQuery.uid(
                new SearchQuery.UidRange(MessageUid.of(2), MessageUid.of(3)),
                new SearchQuery.UidRange(MessageUid.of(5)))))
            .containsExactly(2L, 3L, 5L);
    }

    @Test
    default void modSeqCriteriaShouldMatch() throws Exception {
        assertThat(search(SearchQuery.modSeqGreaterThan(25))).containsExactly(3L, 4L, 5L);
        assertThat(search(SearchQuery.modSeqEquals(20))).containsExactly(2L);
        assertThat(search(SearchQuery.modSeqLessThan(20))).containsExactly(1L);
    }

    @Test
    default void andShouldRequireEveryCriterion() throws Exception {
        assertThat(search(SearchQuery.and(List.of(SearchQuery.address(AddressType.From, "bob@example.net"), SearchQuery.flagIsUnSet(Flag.SEEN),
                SearchQuery.headerContains("Subject", "holiday")))))
            .containsExactly(3L);
    }

    @Test
    default void orShouldRequireOneCriterion() throws Exception {
        assertThat(search(SearchQuery.or(SearchQuery.headerContains("Subject", "holiday"), SearchQuery.headerContains("Subject", "invoice"))))
            .containsExactly(3L, 4L);
    }

    @Test
    default void notShouldExcludeMatches() throws Exception {
        assertThat(search(SearchQuery.not(SearchQuery.headerContains("Subject", "holiday")))).containsExactly(1L, 2L, 4L, 5L);
    }

    @Test
    default void severalCriteriaShouldAllApply() throws Exception {
        assertThat(search(SearchQuery.hasAttachment(), SearchQuery.headerContains("Subject", "quarterly"))).containsExactly(5L);
    }

    @Test
    default void arrivalSortShouldFollowInternalDate() throws Exception {
        assertThat(sorted(new Sort(SortClause.Arrival))).containsExactly(4L, 3L, 5L, 1L, 2L);
        assertThat(sorted(new Sort(SortClause.Arrival, Order.REVERSE))).containsExactly(2L, 1L, 5L, 3L, 4L);
    }

    @Test
    default void sentDateSortShouldFollowDateHeader() throws Exception {
        assertThat(sorted(new Sort(SortClause.SentDate))).containsExactly(5L, 4L, 3L, 1L, 2L);
    }

    @Test
    default void sizeSortShouldFollowSize() throws Exception {
        List<Long> bySize = Stream.of(1L, 2L, 3L, 4L, 5L)
            .sorted(java.util.Comparator.comparingLong(this::size).thenComparingLong(uid -> uid))
            .toList();
        assertThat(sorted(new Sort(SortClause.Size))).isEqualTo(bySize);
    }

    @Test
    default void fromSortShouldFollowFirstSenderMailbox() throws Exception {
        assertThat(sorted(new Sort(SortClause.MailboxFrom))).containsExactly(2L, 3L, 5L, 4L, 1L);
    }

    @Test
    default void toSortShouldFollowFirstRecipientMailbox() throws Exception {
        assertThat(sorted(new Sort(SortClause.MailboxTo))).containsExactly(3L, 4L, 1L, 5L, 2L);
    }

    @Test
    default void ccSortShouldPutMessagesWithoutCcFirst() throws Exception {
        assertThat(sorted(new Sort(SortClause.MailboxCc))).containsExactly(2L, 3L, 4L, 5L, 1L);
    }

    @Test
    default void baseSubjectSortShouldIgnoreReplyPrefixes() throws Exception {
        assertThat(sorted(new Sort(SortClause.BaseSubject))).containsExactly(3L, 4L, 5L, 1L, 2L);
    }

    @Test
    default void uidSortShouldHonourReverseOrder() throws Exception {
        assertThat(sorted(new Sort(SortClause.Uid, Order.REVERSE))).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    default void idSortShouldFollowMessageIds() throws Exception {
        List<Long> byId = Stream.of(1L, 2L, 3L, 4L, 5L)
            .sorted(java.util.Comparator.comparing(uid -> corpus().messages.get(uid).getMessageId().serialize()))
            .toList();
        assertThat(sorted(new Sort(SortClause.Id))).isEqualTo(byId);
        assertThat(sorted(new Sort(SortClause.Id, Order.REVERSE))).isEqualTo(com.google.common.collect.Lists.reverse(byId));
    }

    @Test
    default void expungedMessagesShouldNotBeFound() throws Exception {
        index().delete(SESSION, corpus().inbox.getMailboxId(), List.of(MessageUid.of(2), MessageUid.of(4))).block();
        awaitIndexed();

        assertThat(search(SearchQuery.all())).containsExactly(1L, 3L, 5L);
    }

    @Test
    default void deletedMailboxShouldBeEmptiedWithoutTouchingOthers() throws Exception {
        index().deleteAll(SESSION, corpus().inbox.getMailboxId()).block();
        awaitIndexed();

        assertThat(search(SearchQuery.all())).isEmpty();
        assertThat(index().search(SESSION, corpus().archive, SearchQuery.of(SearchQuery.all())).collectList().block()).hasSize(1);
    }

    @Test
    default void multiMailboxSearchShouldReturnMessageIdsOfAllGivenMailboxes() throws Exception {
        List<MessageId> found = index().search(SESSION, List.of(corpus().inbox.getMailboxId(), corpus().archive.getMailboxId()),
            SearchQuery.of(SearchQuery.headerContains("Subject", "holiday")), 10).collectList().block();

        assertThat(found).hasSize(2).contains(corpus().messages.get(3L).getMessageId());
    }

    @Test
    default void multiMailboxSearchShouldHonourTheLimit() throws Exception {
        assertThat(index().search(SESSION, List.of(corpus().inbox.getMailboxId(), corpus().archive.getMailboxId()),
            SearchQuery.of(SearchQuery.all()), 3).collectList().block()).hasSize(3);
    }

    @Test
    default void messageIdCriterionShouldMatch() throws Exception {
        assertThat(search(SearchQuery.hasMessageId(corpus().messages.get(4L).getMessageId()))).containsExactly(4L);
    }

    @Test
    default void threadIdCriterionShouldMatch() throws Exception {
        assertThat(search(SearchQuery.threadId(corpus().messages.get(3L).getThreadId()))).containsExactly(3L);
    }

    @Test
    default void mimeMessageIdShouldMatch() throws Exception {
        assertThat(search(SearchQuery.mimeMessageID("<meeting-1@example.org>"))).containsExactly(1L);
    }
}
