import FAQModel
import Foundation

/// The model's faithful serialization (see `FAQDocument`'s coding for the contract):
/// sorted keys and two-space indentation, so the same document always gives the same bytes.
public struct JSONEmitter: Emitter {
    public init() {}

    public func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        return EmitResult(.text(String(decoding: data, as: UTF8.self) + "\n"))
    }
}
