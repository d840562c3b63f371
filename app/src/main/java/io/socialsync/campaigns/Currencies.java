package io.socialsync.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Budgets are integers in the currency's minor units, as Meta takes them: its "offset" is 100 for most
 * currencies and 1 for those it bills without decimals (the list in Meta's currency reference).
 */
public final class Currencies {
    private static final Set<String> OFFSET_ONE = Set.of("CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW",
            "PYG", "TWD", "VND");

    private Currencies() {
    }

    static boolean known(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code.toUpperCase(Locale.ROOT)) != null;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    static int offset(String code) {
        return OFFSET_ONE.contains(code.toUpperCase(Locale.ROOT)) ? 1 : 100;
    }

    /** Meta's spend ("12.34", major units) in minor units, rounded half up. */
    static long toMinor(BigDecimal major, String code) {
        return major.multiply(BigDecimal.valueOf(offset(code))).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The smallest budget worth sending: one major unit (Meta's own minimums are higher and it says so). */
    static long smallestBudget(String code) {
        return offset(code);
    }

    /** Minor units as people read them: "12.34 EUR", "1500 JPY". */
    public static String show(long minor, String code) {
        int offset = offset(code);
        var major = BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(offset), offset == 1 ? 0 : 2,
                RoundingMode.UNNECESSARY);
        return major.toPlainString() + " " + code.toUpperCase(Locale.ROOT);
    }
}
