package org.openmrs.module.dhis2sync.settings;

/** Encrypts the DHIS2 secret at rest (OpenMRS's installation key in production). */
public interface SecretCipher {

    String encrypt(String plainText);

    /** @throws RuntimeException when the text was not encrypted with this cipher's key */
    String decrypt(String cipherText);
}
