package org.openmrs.module.dhis2sync.settings.openmrs;

import org.openmrs.module.dhis2sync.settings.SecretCipher;
import org.openmrs.util.Security;

/** OpenMRS's encryption with the installation's key and init vector (runtime properties). */
public class OpenmrsSecretCipher implements SecretCipher {

    // deprecated in core since 2.4 for the explicit-key variants, but present through 2.x and the only ones that
    // use the installation's own key without the module reading it
    @SuppressWarnings("deprecation")
    @Override
    public String encrypt(String plainText) {
        return Security.encrypt(plainText);
    }

    @SuppressWarnings("deprecation")
    @Override
    public String decrypt(String cipherText) {
        return Security.decrypt(cipherText);
    }
}
