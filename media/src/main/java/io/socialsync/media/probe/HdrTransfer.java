package io.socialsync.media.probe;

/** The transfer characteristic that matters for output: HDR sources need tone-mapping to look right in SDR. */
public enum HdrTransfer {
    SDR,
    /** SMPTE ST 2084 (HDR10, Dolby Vision base layers). */
    PQ,
    /** ARIB STD-B67 hybrid log-gamma (phones, broadcast). */
    HLG;

    static HdrTransfer of(String colorTransfer) {
        if (colorTransfer == null) return SDR;
        return switch (colorTransfer) {
            case "smpte2084" -> PQ;
            case "arib-std-b67" -> HLG;
            default -> SDR;
        };
    }

    public boolean isHdr() {
        return this != SDR;
    }
}
