package ch.postwall.mailbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.james.core.Username;
import org.apache.james.user.api.AlreadyExistInUsersRepositoryException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import reactor.core.publisher.Mono;

class ProvisioningUsersRepositoryTest {
    static final Username ALICE = Username.of("alice@example.com");

    UsersRepository storage;
    UserProvisioningStep folders;
    UserProvisioningStep calendars;
    UserRemovalStep searchIndex;
    ProvisioningUsersRepository repository;

    @BeforeEach
    void setUp() {
        storage = mock(UsersRepository.class);
        folders = mock(UserProvisioningStep.class);
        calendars = mock(UserProvisioningStep.class);
        when(calendars.description()).thenReturn("default calendar");
        searchIndex = mock(UserRemovalStep.class);
        when(searchIndex.description()).thenReturn("search index documents");
        repository = new ProvisioningUsersRepository(storage, new LinkedHashSet<>(List.of(folders, calendars)), Set.of(searchIndex));
    }

    @Test
    void addUserShouldRunEveryStepInBindingOrderWhenUserStored() throws Exception {
        repository.addUser(ALICE, "secret");

        InOrder order = inOrder(storage, folders, calendars);
        order.verify(storage).addUser(ALICE, "secret");
        order.verify(folders).provision(ALICE);
        order.verify(calendars).provision(ALICE);
    }

    @Test
    void addUserShouldProvisionNothingWhenStorageRefusesTheUser() throws Exception {
        doThrow(new AlreadyExistInUsersRepositoryException("exists")).when(storage).addUser(any(), any());

        assertThatThrownBy(() -> repository.addUser(ALICE, "secret")).isInstanceOf(AlreadyExistInUsersRepositoryException.class);
        verifyNoInteractions(folders, calendars);
    }

    @Test
    void addUserShouldNameTheUserAndStepWhenAStepFails() throws Exception {
        doThrow(new IllegalStateException("store down")).when(calendars).provision(ALICE);

        assertThatThrownBy(() -> repository.addUser(ALICE, "secret"))
            .isInstanceOf(UsersRepositoryException.class)
            .hasMessageContaining("alice@example.com")
            .hasMessageContaining("default calendar")
            .hasRootCauseMessage("store down");
    }

    @Test
    void removeUserShouldRunTheRemovalStepsWhenUserRemoved() throws Exception {
        repository.removeUser(ALICE);

        InOrder order = inOrder(storage, searchIndex);
        order.verify(storage).removeUser(ALICE);
        order.verify(searchIndex).remove(ALICE);
        verifyNoInteractions(folders, calendars);
    }

    @Test
    void removeUserShouldRemoveNothingElseWhenStorageRefuses() throws Exception {
        doThrow(new UsersRepositoryException("unknown")).when(storage).removeUser(ALICE);

        assertThatThrownBy(() -> repository.removeUser(ALICE)).isInstanceOf(UsersRepositoryException.class);
        verifyNoInteractions(searchIndex);
    }

    @Test
    void removeUserShouldNameTheUserAndStepWhenAStepFails() throws Exception {
        doThrow(new IllegalStateException("index down")).when(searchIndex).remove(ALICE);

        assertThatThrownBy(() -> repository.removeUser(ALICE))
            .isInstanceOf(UsersRepositoryException.class)
            .hasMessageContaining("alice@example.com")
            .hasMessageContaining("search index documents")
            .hasRootCauseMessage("index down");
    }

    @Test
    void aHostedUserShouldBeLookedUpOnceWhileTheAnswerIsKept() throws Exception {
        when(storage.contains(ALICE)).thenReturn(true);

        assertThat(repository.contains(ALICE)).isTrue();
        assertThat(repository.contains(ALICE)).isTrue();
        assertThat(Mono.from(repository.containsReactive(ALICE)).block()).isTrue();

        verify(storage, times(1)).contains(ALICE);
        verify(storage, never()).containsReactive(ALICE);
    }

    @Test
    void anUnknownUserShouldBeLookedUpEachTimeSoThatANewUserGetsMailAtOnce() throws Exception {
        when(storage.contains(ALICE)).thenReturn(false, true);

        assertThat(repository.contains(ALICE)).isFalse();
        assertThat(repository.contains(ALICE)).isTrue();
    }

    @Test
    void aReactiveYesShouldBeKeptToo() throws Exception {
        when(storage.containsReactive(ALICE)).thenReturn(Mono.just(true));

        assertThat(Mono.from(repository.containsReactive(ALICE)).block()).isTrue();
        assertThat(repository.contains(ALICE)).isTrue();

        verify(storage, never()).contains(ALICE);
    }

    @Test
    void aRemovedUserShouldNoLongerBeHostedWhateverTheSpellingKept() throws Exception {
        Username spelledOtherwise = Username.of("Alice@example.com");
        when(storage.contains(spelledOtherwise)).thenReturn(true, false);
        repository.contains(spelledOtherwise);

        repository.removeUser(ALICE);

        assertThat(repository.contains(spelledOtherwise)).isFalse();
    }
}
