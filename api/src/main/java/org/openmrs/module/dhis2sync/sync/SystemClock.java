package org.openmrs.module.dhis2sync.sync;

import java.util.Date;
import java.util.function.Supplier;

/** The clock of runs, markers and locks in production (tests move their own). */
public class SystemClock implements Supplier<Date> {

    @Override
    public Date get() {
        return new Date();
    }
}
