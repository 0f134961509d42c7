package org.countersign.config;

import java.io.Serializable;

/**
 * Settings that the server reads and validates while it starts, so that a bad value stops the start
 * with a message naming its key instead of failing the first request that needs it. A package's
 * settings value implements it and is produced as a CDI bean; the start-up asks for every such
 * bean, whatever package declares it. Settings are serializable values, since the pages' view and
 * session beans hold them.
 *
 * <pre>{@code
 * public record TiqrSettings(OcraSuite suite, ...) implements ReadAtStart { ... }
 *
 * @ApplicationScoped
 * class TiqrSettingsProducer {
 *   private TiqrSettings value; // read in @PostConstruct
 *   @Produces TiqrSettings settings() { return value; }
 * }
 * }</pre>
 */
public interface ReadAtStart extends Serializable {}
