package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptTest {
    @Test
    void rfc7914TestVectors() {
        // RFC 7914 section 12, the vectors with p = 1.
        assertThat(HexFormat.of().formatHex(Scrypt.derive(new byte[0], new byte[0], 4, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(HexFormat.of().formatHex(Scrypt.derive("pleaseletmein".getBytes(StandardCharsets.US_ASCII),
                "SodiumChloride".getBytes(StandardCharsets.US_ASCII), 14, 8, 64))).isEqualTo(
                "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }

    @Test
    void sameOutputAsBouncyCastle() {
        Random rnd = new Random(7);
        for (int logN = 1; logN <= 12; logN++) {
            for (int r : new int[] {1, 2, 8}) {
                byte[] p = new byte[rnd.nextInt(40)];
                byte[] s = new byte[rnd.nextInt(60)];
                rnd.nextBytes(p);
                rnd.nextBytes(s);
                assertThat(Scrypt.derive(p, s, logN, r, 32)).as("logN %d r %d", logN, r)
                        .isEqualTo(SCrypt.generate(p, s, 1 << logN, r, 1, 32));
            }
        }
    }
}
