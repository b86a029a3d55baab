/**
 * Declarations of settings (GUCs) and the one place their values are parsed.
 *
 * <p>Each module declares the settings it reads as {@link io.gangway.api.settings.SettingDefinition}s
 * (through its factory's {@code settings()}); the engine builds its settings registry, {@code SET},
 * {@code SHOW}, {@code gangway.conf} checking and {@code pg_settings} from those declarations, and a
 * module reads its values through the same declarations ({@code Settings.getInt(definition)}), so a
 * name read is a name declared. Values follow PostgreSQL's rules: booleans as {@code on/off/true/false/
 * yes/no/1/0} and their unique prefixes; integers and reals with an optional unit
 * ({@link io.gangway.api.settings.SettingUnit}), a bare number being in the setting's base unit.
 */
@NullMarked
package io.gangway.api.settings;

import org.jspecify.annotations.NullMarked;
