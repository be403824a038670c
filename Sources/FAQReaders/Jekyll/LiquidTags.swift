import FAQModel

/// What each supported Liquid tag and output gives, as Jekyll renders it.
///
/// - `{% link path %}`: the URL of the site's file at `path` (from the site root); a file
///   that does not exist is a warning (Jekyll fails the build) and the path as written.
/// - `{% post_url 2020-01-02-name %}`: the URL of that post (`_posts/`).
/// - `{{ site.url }}`, `{{ site.baseurl }}`, `{{ page.url }}` and string literals, through
///   the `relative_url` and `absolute_url` filters.
///
/// Both tags give the URL under `baseurl`, as Jekyll 4 does (its `relative_url`), except
/// right after `{{ site.baseurl }}`, the Jekyll 3 idiom, where the base is not repeated.
extension Liquid {
    mutating func tag(_ body: String, at location: SourceLocation) -> String {
        // The tag's name, then its argument: the rest, trimmed (a path may hold spaces).
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingWhitespace()
        guard ["link", "post_url"].contains(name), !argument.isEmpty else {
            diagnostics.append(.warning("Liquid tag '{% \(Self.excerpt(body)) %}' is not supported and was removed", at: location))
            return ""
        }
        let target = name == "link" ? context.link(argument) : context.post(argument)
        let shown = "'{% \(name) \(Self.excerpt(argument)) %}'"
        let url: String
        switch target {
        case .found(let found):
            url = found
        case .missing:
            let what = name == "link" ? "has no file '\(Self.excerpt(argument))'" : "has no post '\(Self.excerpt(argument))' in _posts/"
            diagnostics.append(.warning("Liquid \(shown): the Jekyll site \(what) (Jekyll fails the build); the link keeps the path as written", at: location))
            url = "/" + (argument.hasPrefix("/") ? String(argument.dropFirst()) : argument)
        case .unknown(let guess):
            diagnostics.append(.warning("Liquid \(shown): no Jekyll _config.yml above the input, so the target's permalink cannot be read; Jekyll's default '\(guess)' is used (read the page inside its site)", at: location))
            url = guess
        }
        return written == baseURLEnd ? url : context.address.relative(url)
    }

    mutating func output(_ expression: String, at location: SourceLocation) -> String {
        guard let value = evaluate(expression) else {
            diagnostics.append(.warning("Liquid output '{{ \(Self.excerpt(expression)) }}' is not supported and was removed", at: location))
            return ""
        }
        if expression.filter({ !$0.isWhitespace }) == "site.baseurl" { baseURLEnd = written + value.utf8.count }
        return value
    }

    /// `value | filter | …`: a string literal or one of the variables, then `relative_url`
    /// or `absolute_url` filters; nil for anything else.
    private func evaluate(_ expression: String) -> String? {
        let parts = Self.splitFilters(expression)
        guard let first = parts.first else { return nil }
        var value: String
        switch first {
        case "site.baseurl": value = context.address.baseurl
        case "site.url": value = context.address.url
        case "page.url":
            guard let url = context.pageURL else { return nil }
            value = url
        default:
            guard first.count >= 2, let quote = first.first, quote == "'" || quote == "\"", first.last == quote else { return nil }
            value = String(first.dropFirst().dropLast())
        }
        for filter in parts.dropFirst() {
            switch filter {
            case "relative_url": value = context.address.relative(value)
            case "absolute_url": value = context.address.absolute(value)
            default: return nil
            }
        }
        return value
    }

    /// The expression's pieces between `|` outside quotes, trimmed.
    static func splitFilters(_ expression: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in expression {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                current.append(c)
            } else if c == "|" {
                parts.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingWhitespace())
        return parts
    }
}
