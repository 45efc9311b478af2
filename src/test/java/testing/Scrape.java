package testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of {@code /q/metrics} (Prometheus text format), with the samples it lists. */
public final class Scrape {

    /** Name, labels, value; an exemplar may follow ({@code # {trace_id="..."} 1.0}) and is left out. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line: the series' name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape now() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new Scrape(text.lines().filter(line -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::find)
                .map(m -> new Sample(m.group(1), labels(m.group(3)), Double.parseDouble(m.group(4)))).toList());
    }

    /** The samples of the name whose labels include all those given. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum of the matching samples; 0 when there is none (a counter not yet incremented). */
    public double value(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }
}
