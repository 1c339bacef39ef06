package org.openmrs.module.dhis2sync.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.openmrs.module.dhis2sync.settings.SecretCipher;

/** AES with a fixed test key, like OpenMRS's Security.encrypt with an installation's key and vector. */
public final class TestCipher implements SecretCipher {

    private static final byte[] KEY = "dhis2sync-test-k".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VECTOR = "dhis2sync-test-v".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String encrypt(String plainText) {
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plainText.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String decrypt(String cipherText) {
        return new String(run(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(cipherText)), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(mode, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(VECTOR));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test cipher failed: " + e.getClass().getSimpleName());
        }
    }
}
