package ch.postwall.calendar.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its expected response in a golden file:
 * <pre>
 * &gt;&gt;&gt; METHOD /path [user]
 * Header: value
 *
 * request body
 * &lt;&lt;&lt; status
 * Expected-Header: value
 *
 * expected body
 * </pre>
 * Lines starting with {@code #} before a request are comments. Only listed headers are compared.
 */
record GoldenExchange(List<String> comments, String method, String path, String user, Map<String, String> requestHeaders,
                      String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {
    static final String REQUEST = ">>> ";
    static final String RESPONSE = "<<< ";

    static List<GoldenExchange> parse(String content, String defaultUser) {
        List<GoldenExchange> exchanges = new ArrayList<>();
        List<String> lines = List.of(content.split("\n", -1));
        int index = 0;
        while (index < lines.size()) {
            List<String> comments = new ArrayList<>();
            while (index < lines.size() && !lines.get(index).startsWith(REQUEST)) {
                if (!lines.get(index).isBlank()) {
                    comments.add(lines.get(index));
                }
                index++;
            }
            if (index >= lines.size()) {
                break;
            }
            String[] requestLine = lines.get(index++).substring(REQUEST.length()).trim().split(" ");
            Map<String, String> requestHeaders = new LinkedHashMap<>();
            index = headers(lines, index, requestHeaders);
            StringBuilder requestBody = new StringBuilder();
            while (!lines.get(index).startsWith(RESPONSE)) {
                requestBody.append(lines.get(index++)).append('\n');
            }
            int status = Integer.parseInt(lines.get(index++).substring(RESPONSE.length()).trim());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            index = headers(lines, index, responseHeaders);
            StringBuilder responseBody = new StringBuilder();
            while (index < lines.size() && !lines.get(index).startsWith(REQUEST) && !lines.get(index).startsWith("#")) {
                responseBody.append(lines.get(index++)).append('\n');
            }
            exchanges.add(new GoldenExchange(comments, requestLine[0], requestLine[1],
                requestLine.length > 2 ? requestLine[2] : defaultUser, requestHeaders,
                requestBody.toString(), status, responseHeaders, responseBody.toString().strip()));
        }
        return exchanges;
    }

    private static int headers(List<String> lines, int index, Map<String, String> headers) {
        int line = index;
        while (line < lines.size() && !lines.get(line).isEmpty()) {
            String header = lines.get(line++);
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        return Math.min(line + 1, lines.size());
    }

    String render(String defaultUser) {
        StringBuilder out = new StringBuilder();
        comments.forEach(comment -> out.append(comment).append('\n'));
        out.append(REQUEST).append(method).append(' ').append(path);
        if (!user.equals(defaultUser)) {
            out.append(' ').append(user);
        }
        out.append('\n');
        requestHeaders.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        out.append('\n').append(requestBody);
        out.append(RESPONSE).append(status).append('\n');
        responseHeaders.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        out.append('\n');
        if (!responseBody.isEmpty()) {
            out.append(responseBody).append('\n');
        }
        return out.append('\n').toString();
    }
}
