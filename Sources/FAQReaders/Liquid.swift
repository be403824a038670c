import FAQModel

/// The Liquid a Jekyll page carries: `{{ site.baseurl }}` (and `site.url`) and
/// `{% link path %}` are resolved; any other tag or output is removed with a warning.
struct Liquid {
    /// `site.url` joined with `site.baseurl`, or `--base-url`; "" when unknown.
    var baseURL: String
    /// Permalinks of the inputs, by site-relative path (for `{% link %}`).
    var permalinks: [String: String]
    var file: String
    var lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(baseURL: String, permalinks: [String: String], file: String, lineOffset: Int) {
        // `{{ site.baseurl }}{% link x %}` joins with the link's own leading slash.
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.permalinks = permalinks
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Linear scan; text without `{{` or `{%` is returned unchanged.
    mutating func resolve(_ text: Substring) -> Substring {
        guard text.contains("{{") || text.contains("{%") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var line = 1 + lineOffset
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "{", next < text.endIndex, text[next] == "{" || text[next] == "%" {
                let close = text[next] == "{" ? "}}" : "%}"
                if let end = text[next...].range(of: close) {
                    let inner = text[text.index(after: next)..<end.lowerBound].trimmingWhitespace()
                    out += text[next] == "{" ? output(inner, line: line) : tag(inner, line: line)
                    line += text[i..<end.upperBound].filter { $0 == "\n" }.count
                    i = end.upperBound
                    continue
                }
            }
            if c == "\n" { line += 1 }
            out.append(c)
            i = next
        }
        return out[...]
    }

    private mutating func output(_ expression: String, line: Int) -> String {
        switch expression {
        // `site.baseurl` stands for the whole base (url + baseurl, or --base-url), so both
        // `{{ site.baseurl }}/x` and `{{ site.url }}{{ site.baseurl }}/x` give absolute URLs.
        case "site.baseurl": return baseURL
        case "site.url": return ""
        default:
            diagnostics.append(.warning("Liquid output '{{ \(expression) }}' is not supported and was removed", at: SourceLocation(file: file, line: line)))
            return ""
        }
    }

    private mutating func tag(_ body: String, line: Int) -> String {
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        if words.first == "link", words.count >= 2 {
            var path = String(words[1])
            if path.hasPrefix("/") { path.removeFirst() }
            if let permalink = permalinks[path] { return permalink }
            if path.hasSuffix(".md") || path.hasSuffix(".markdown") {
                path = String(path[..<path.lastIndex(of: ".")!]) + ".html"
            }
            return "/" + path
        }
        diagnostics.append(.warning("Liquid tag '{% \(body) %}' is not supported and was removed", at: SourceLocation(file: file, line: line)))
        return ""
    }
}
