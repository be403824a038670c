import FAQModel
import Foundation

/// The NAME in `NAME.EXT`: front matter `name`, else `man_name`, else the input's file stem.
public enum OutputName {
    public static func of(_ document: FAQDocument) -> String {
        for key in ["name", "man_name"] {
            if let value = document.metadata.extra[key], let safe = sanitized(value) { return safe }
        }
        if let source = document.source, source != "-" {
            let stem = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            if let safe = sanitized(stem) { return safe }
        }
        return "faq"
    }

    /// A file name, not a path: no separators, no leading dot.
    private static func sanitized(_ name: String) -> String? {
        let cleaned = String(name.map { $0 == "/" || $0 == "\\" || $0.isWhitespace ? "-" : $0 })
        let trimmed = cleaned.drop { $0 == "." || $0 == "-" }
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
