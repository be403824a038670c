/// A warning or error tied to a place in the input, printed like a compiler's:
/// `path:line:col: error: message`. A note says what the reader decided (shown under `-v`).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case note, warning, error }
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// One line whatever the message quotes: control characters from the document (a
    /// newline in a URL, an ESC) are shown as `\u{…}`, never sent to the terminal.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        var line = "\(prefix)\(severity.rawValue): "
        for scalar in message.unicodeScalars {
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                line += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}
