import FAQModel

/// A reader failure at a place in the input, printed as `path:line:col: error: message`.
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, message, at: location) }
    public var description: String { diagnostic.description }
}
