package ch.postwall.calendar.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersRepositoryCalendarAuthenticatorTest {
    UsersRepositoryCalendarAuthenticator authenticator;

    @BeforeEach
    void setUp() throws Exception {
        MemoryUsersRepository users = TestUsers.with(Username.of("alice@example.com"), "wonderland");
        authenticator = new UsersRepositoryCalendarAuthenticator(users);
    }

    @Test
    void authenticateShouldReturnUserWhenPasswordMatches() {
        assertThat(authenticator.authenticate("alice@example.com", "wonderland".toCharArray()))
            .contains(Username.of("alice@example.com"));
    }

    @Test
    void authenticateShouldBeEmptyWhenPasswordWrongOrUserUnknownOrInvalid() {
        assertThat(authenticator.authenticate("alice@example.com", "guess".toCharArray())).isEmpty();
        assertThat(authenticator.authenticate("bob@example.com", "wonderland".toCharArray())).isEmpty();
        assertThat(authenticator.authenticate("", "wonderland".toCharArray())).isEmpty();
    }
}
