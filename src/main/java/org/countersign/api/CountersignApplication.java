package org.countersign.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API at the root of the context, where privacyIDEA clients expect {@code
 * /validate/check}. The self-service pages are served by the Faces servlet under {@code /ui/}, a
 * longer path mapping that wins.
 */
@ApplicationPath("/")
public class CountersignApplication extends Application {}
