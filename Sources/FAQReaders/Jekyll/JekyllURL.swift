import Foundation

/// Jekyll's URL templates (`Jekyll::URL`, `Utils.add_permalink_suffix`, the built-in
/// permalink styles), so a page's URL here is the one Jekyll writes.
enum JekyllURL {
    /// The built-in styles of the `permalink` setting, as templates for posts.
    static func template(forStyle style: String) -> String {
        switch style {
        case "none": return "/:categories/:title:output_ext"
        case "date": return "/:categories/:year/:month/:day/:title:output_ext"
        case "ordinal": return "/:categories/:year/:y_day/:title:output_ext"
        case "pretty": return "/:categories/:year/:month/:day/:title/"
        case "weekdate": return "/:categories/:year/W:week/:short_day/:title:output_ext"
        default: return style
        }
    }

    /// What a page or collection template gets from the site's style: `/` for `pretty` and
    /// for patterns ending in `/`; `:output_ext` for `date`, `ordinal`, `none` and patterns
    /// ending in `:output_ext`; nothing otherwise (so `weekdate` adds nothing, as in Jekyll).
    static func withSuffix(_ template: String, style: String) -> String {
        switch style {
        case "pretty": return template + "/"
        case "date", "ordinal", "none": return template + ":output_ext"
        default:
            var result = template
            if style.hasSuffix("/") { result += "/" }
            if style.hasSuffix(":output_ext") { result += ":output_ext" }
            return result
        }
    }

    /// A page's template: the placeholders are `path`, `basename` and `output_ext`, each
    /// replaced in turn (Jekyll's hash form).
    static func expand(_ template: String, pagePlaceholders: [(String, String)]) -> String {
        var result = template
        for (key, value) in pagePlaceholders where result.contains(":") {
            result = result.replacingOccurrences(of: ":" + key, with: escapePath(value))
        }
        return sanitize(result)
    }

    /// A document's template (posts, collections): every `:name` (lowercase letters and
    /// `_`) is replaced by its value, `:month_` trying `month` too; an unknown name is kept.
    static func expand(_ template: String, documentPlaceholders values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let colon = rest.firstIndex(of: ":") {
            result += rest[..<colon]
            let nameStart = rest.index(after: colon)
            let name = rest[nameStart...].prefix { ("a"..."z").contains($0) || $0 == "_" }
            let winner = [String(name), name.hasSuffix("_") ? String(name.dropLast()) : nil].compactMap { $0 }.first { values[$0] != nil }
            if let winner, let value = values[winner] {
                result += escapePath(value)
                rest = rest[rest.index(nameStart, offsetBy: winner.count)...]
            } else {
                result += ":"
                rest = rest[nameStart...]
            }
        }
        result += rest
        return sanitize(result)
    }

    /// `Jekyll::URL#sanitize_url`: a leading `/`, `..` becomes `/`, `./` is removed, runs
    /// of `/` become one.
    static func sanitize(_ url: String) -> String {
        var result = ("/" + url).replacingOccurrences(of: "..", with: "/").replacingOccurrences(of: "./", with: "")
        while result.contains("//") { result = result.replacingOccurrences(of: "//", with: "/") }
        return result
    }

    /// `Jekyll::URL.escape_path`: what a URL path may not hold is percent-encoded (RFC 3986
    /// `pchar` and `/` stay), and `#` too.
    static func escapePath(_ path: String) -> String {
        if path.utf8.allSatisfy({ isSimple($0) }) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
    }

    private static func isSimple(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static let pathCharacters = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/")

    /// `Utils.slugify`: runs of other characters become `-`, the ends lose theirs, and the
    /// result is lowercased unless `cased`. `default` keeps letters, marks and digits;
    /// `pretty` also `._~!$&'()+,;=@`.
    static func slugify(_ text: String, pretty: Bool, cased: Bool = false) -> String {
        let kept: (Unicode.Scalar) -> Bool = { scalar in
            let properties = scalar.properties
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                return true
            default:
                return pretty && "._~!$&'()+,;=@".unicodeScalars.contains(scalar)
            }
        }
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if kept(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        let slug = String(out)
        return cased ? slug : slug.lowercased()
    }
}
