package api;

import io.smallrye.config.ConfigMapping;

/**
 * Bounds on the fields of API requests ({@code app.limits.request.*}), in UTF-8 bytes: a field over its
 * bound is refused with 400 {@code invalid-request} before it is used, stored or echoed in an error. The
 * whole body is bounded by {@code quarkus.http.limits.max-body-size} (413 {@code request-too-large}).
 */
@ConfigMapping(prefix = "app.limits.request")
public interface RequestLimits {

    /** {@code fileName} of {@code POST /v1/uploads}, before it is reduced to a safe key segment. */
    int fileNameBytes();

    /** {@code contentType} of {@code POST /v1/uploads}. */
    int contentTypeBytes();

    /** {@code preset} of {@code POST /v1/uploads} and {@code POST /v1/jobs}. */
    int presetBytes();

    /** {@code metadata} of {@code POST /v1/jobs}, written as compact JSON. */
    int metadataBytes();
}
