package lab.console.connect.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, from the resource Maven filters at build time. */
final class Version {

    private static final String RESOURCE = "/lab-s3-sink-version.properties";
    private static final String VERSION = load();

    private Version() {}

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
