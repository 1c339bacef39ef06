package org.openmrs.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.annotation.Authorized} (compile only). OpenMRS's
 * AuthorizationAdvice enforces it on service methods: the user needs one of {@link #value()} (or all of them with
 * {@link #requireAll()}).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Authorized {

    public String[] value() default {};

    public boolean requireAll() default false;
}
