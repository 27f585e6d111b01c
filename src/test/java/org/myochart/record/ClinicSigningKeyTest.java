package org.myochart.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myochart.platform.ClinicSettings;

class ClinicSigningKeyTest {

  @TempDir Path dataDir;

  private ClinicSigningKey key(boolean recordsSealed) {
    ClinicSigningKey key =
        new ClinicSigningKey() {
          @Override
          Path keyFolder() {
            return dataDir.resolve("keys");
          }

          @Override
          boolean databaseHoldsSealedRecords() {
            return recordsSealed;
          }
        };
    key.keystore = Optional.empty();
    key.keystorePassword = Optional.empty();
    key.alias = Optional.empty();
    key.clock = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
    key.settings =
        new ClinicSettings() {
          @Override
          public String clinicName() {
            return "Two Rooms Clinic";
          }
        };
    return key;
  }

  @Test
  void theFirstSealOfANewClinicMakesItsKeyInTheDataDirectory() {
    assertNotNull(key(false).identity());
    assertTrue(Files.exists(dataDir.resolve("keys/clinic-seal.p12")));
  }

  @Test
  void anInstanceWithoutTheKeyRefusesToMakeASecondOneOnceRecordsAreSealed() {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> key(true).identity());
    assertTrue(refused.getMessage().contains("MYOCHART_SIGNING_KEYSTORE"), refused.getMessage());
    assertFalse(Files.exists(dataDir.resolve("keys/clinic-seal.p12")), "no second key was written");
  }

  @Test
  void aKeyAlreadyInTheDataDirectoryIsUsedWhateverTheDatabaseHolds() {
    key(false).identity();
    assertNotNull(key(true).identity());
  }
}
