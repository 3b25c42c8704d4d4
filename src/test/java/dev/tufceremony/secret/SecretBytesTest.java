package dev.tufceremony.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBytesTest {
    static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void wrapTakesOwnershipAndDestroyZeroesTheCallersArray() {
        byte[] secret = {1, 2, 3, 4};
        SecretBytes s = SecretBytes.wrap(secret);
        assertThat(s.reveal()).isSameAs(secret);
        s.close();
        assertThat(secret).containsOnly(0);
        assertThat(s.isDestroyed()).isTrue();
        assertThatThrownBy(s::reveal).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::length).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void copyOfLeavesTheCallersArrayAloneAndWipesItsOwn() {
        byte[] mine = {9, 8, 7};
        SecretBytes s = SecretBytes.copyOf(mine);
        byte[] inside = s.reveal();
        assertThat(inside).isNotSameAs(mine).isEqualTo(mine);
        s.destroy();
        assertThat(allZero(inside)).isTrue();
        assertThat(mine).containsExactly(9, 8, 7);
        SecretBytes part = SecretBytes.copyOf(mine, 1, 2);
        assertThat(part.reveal()).containsExactly(8, 7);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SecretBytes s = SecretBytes.wrap(new byte[] {0x41, 0x42, 0x43});
        assertThat(s.toString()).isEqualTo("SecretBytes[3 bytes]").doesNotContain("ABC").doesNotContain("65");
        s.destroy();
        assertThat(s.toString()).isEqualTo("SecretBytes[destroyed]");
    }

    @Test
    void sameAsComparesContents() {
        assertThat(SecretBytes.copyOf(new byte[] {1, 2}).sameAs(SecretBytes.copyOf(new byte[] {1, 2}))).isTrue();
        assertThat(SecretBytes.copyOf(new byte[] {1, 2}).sameAs(SecretBytes.copyOf(new byte[] {1, 3}))).isFalse();
        assertThat(SecretBytes.copyOf(new byte[] {1, 2}).sameAs(SecretBytes.copyOf(new byte[] {1, 2, 0}))).isFalse();
    }
}
