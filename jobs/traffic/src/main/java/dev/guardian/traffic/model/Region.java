package dev.guardian.traffic.model;

/** Where instances run; the offset places each region's daily peak at its own local afternoon. */
enum Region {
    US_EAST_1("us-east-1", "use1", -5 * 60),
    EU_WEST_1("eu-west-1", "euw1", 0),
    AP_SOUTHEAST_1("ap-southeast-1", "apse1", 8 * 60);

    final String code;
    final String shortCode;
    final int utcOffsetMinutes;

    Region(String code, String shortCode, int utcOffsetMinutes) {
        this.code = code;
        this.shortCode = shortCode;
        this.utcOffsetMinutes = utcOffsetMinutes;
    }
}
