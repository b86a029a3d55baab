package io.gangway.api.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a part of {@code api} or {@code spi} that is not stable yet: it may change or go in any
 * release, without the deprecation a stable type gets. The build's binary-compatibility check
 * (japicmp against {@code compat/}) leaves out whatever carries this mark, and a package marked in
 * its {@code package-info.java} is left out whole. Removing the mark makes the type stable from the
 * next recorded baseline on; marking a stable type is itself an incompatible change.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {
    /** Why it is not stable yet, or what will change (an issue, a planned method). */
    String value() default "";
}
