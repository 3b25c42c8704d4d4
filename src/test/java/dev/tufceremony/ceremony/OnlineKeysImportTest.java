package dev.tufceremony.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.tuf.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineKeysImportTest {
    @TempDir
    Path dir;

    @Test
    void readsSpkiPemAndTufKeyObjects() throws Exception {
        try (SigningKey t = SigningKey.generate(KeyType.ECDSA_P256, new SecureRandom());
                SigningKey s = SigningKey.generate(KeyType.ED25519, new SecureRandom());
                SigningKey ts = SigningKey.generate(KeyType.RSA_PSS, new SecureRandom())) {
            Files.writeString(dir.resolve("targets.pub.pem"), PublicKeys.toSpkiPem(t.publicKey()));
            Files.writeString(dir.resolve("snapshot.pub.pem"), PublicKeys.toSpkiPem(s.publicKey()));
            Files.write(dir.resolve("timestamp.json"), Json.mapper().writeValueAsBytes(ts.publicKey()));
            OnlineKeys.Import imp = OnlineKeys.Import.fromDirectory(dir);
            assertThat(imp.publicKeys().get(OnlineRole.TARGETS).keyId()).isEqualTo(t.keyId());
            assertThat(imp.publicKeys().get(OnlineRole.SNAPSHOT).keyId()).isEqualTo(s.keyId());
            assertThat(imp.publicKeys().get(OnlineRole.TIMESTAMP).keyId()).isEqualTo(ts.keyId());
        }
    }

    @Test
    void missingOrMalformedKeysNameTheFile() throws Exception {
        assertThatThrownBy(() -> OnlineKeys.Import.fromDirectory(dir)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("targets.pub.pem");
        Files.writeString(dir.resolve("targets.pub.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        Files.writeString(dir.resolve("snapshot.json"), "{\"keytype\":\"ed25519\",\"scheme\":\"ed25519\",\"keyval\":{\"public\":\"zz\"}}");
        Files.writeString(dir.resolve("timestamp.json"), "{}");
        assertThatThrownBy(() -> OnlineKeys.Import.fromDirectory(dir)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("targets.pub.pem");
        Files.delete(dir.resolve("targets.pub.pem"));
        try (SigningKey t = SigningKey.generate(KeyType.ED25519, new SecureRandom())) {
            Files.writeString(dir.resolve("targets.pub.pem"), PublicKeys.toSpkiPem(t.publicKey()));
        }
        assertThatThrownBy(() -> OnlineKeys.Import.fromDirectory(dir)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("snapshot.json");
    }
}
