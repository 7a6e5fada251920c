package dev.guardian.cli.report;

/** Report lines stay one line: long texts are cut with an ellipsis. */
final class Text {

    private Text() {}

    static String clip(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
