package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UidTest {

    @Test
    void generatedUidsAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String uid = Uid.generate();
            assertThat(Uid.isValid(uid)).as(uid).isTrue();
            seen.add(uid);
        }
        assertThat(seen).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PrgVerify01", "a0000000000", "Zzzzzzzzzzz"})
    void acceptsRealUids(String uid) {
        assertThat(Uid.isValid(uid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1rgVerify01", "PrgVerify0", "PrgVerify012", "Prg-erify01", "Prg erify01"})
    void refusesMalformedUids(String uid) {
        assertThat(Uid.isValid(uid)).isFalse();
    }
}
