package ch.postwall.mailbox.provisioning;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
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
}
