package ch.postwall.server.roles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final int FAST = 1_000;

    @Test
    void verifyShouldAcceptThePasswordItHashed() {
        assertThat(PasswordHash.verify("s3cret".toCharArray(), PasswordHash.hash("s3cret".toCharArray(), FAST))).isTrue();
    }

    @Test
    void verifyShouldRejectAnotherPassword() {
        assertThat(PasswordHash.verify("s3cres".toCharArray(), PasswordHash.hash("s3cret".toCharArray(), FAST))).isFalse();
    }

    @Test
    void hashShouldDifferWhenSamePasswordHashedTwice() {
        assertThat(PasswordHash.hash("s3cret".toCharArray(), FAST)).isNotEqualTo(PasswordHash.hash("s3cret".toCharArray(), FAST));
    }

    @Test
    void hashShouldNotContainThePassword() {
        assertThat(PasswordHash.hash("s3cret".toCharArray(), FAST)).doesNotContain("s3cret").startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void verifyShouldRejectMalformedHash() {
        assertThat(PasswordHash.verify("s3cret".toCharArray(), "md5$abc")).isFalse();
        assertThat(PasswordHash.verify("s3cret".toCharArray(), "pbkdf2-sha256$many$%%$%%")).isFalse();
    }
}
