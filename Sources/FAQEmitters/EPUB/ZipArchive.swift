import Foundation
import ZIPFoundation

/// One file of the EPUB package, as `EPUBEmitter.entries` returns it.
public struct ArchiveEntry: Sendable, Hashable {
    public var path: String
    public var data: [UInt8]
    /// `mimetype` must be stored uncompressed in an EPUB.
    public var compressed: Bool
    public init(path: String, data: [UInt8], compressed: Bool = true) {
        self.path = path
        self.data = data
        self.compressed = compressed
    }
}

extension ArchiveEntry {
    /// Every entry's modification time: 1980-01-01 00:00:00, the first instant a zip (MS-DOS)
    /// timestamp can hold. A constant rather than the document date, so the archive bytes
    /// depend on the entries alone; the book's date is in the OPF (`dcterms:modified`).
    /// ZIPFoundation converts with `gmtime`, so the time zone (`TZ`) cannot change the bytes.
    static let fixedModificationDate = Date(timeIntervalSince1970: 315_532_800)

    /// Zips entries in the given order (an EPUB's `mimetype` first, stored) with fixed
    /// timestamps and permissions (0644): the same entries always give the same bytes.
    public static func zip(_ entries: [ArchiveEntry]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.data)
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: fixedModificationDate, permissions: 0o644,
                compressionMethod: entry.compressed ? .deflate : .none
            ) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(data.count, start + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }
}
