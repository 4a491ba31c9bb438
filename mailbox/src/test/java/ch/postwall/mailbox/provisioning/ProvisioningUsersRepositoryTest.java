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
    ProvisioningUsersRepository repository;

    @BeforeEach
    void setUp() {
        storage = mock(UsersRepository.class);
        folders = mock(UserProvisioningStep.class);
        calendars = mock(UserProvisioningStep.class);
        when(calendars.description()).thenReturn("default calendar");
        repository = new ProvisioningUsersRepository(storage, new LinkedHashSet<>(List.of(folders, calendars)));
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
}
