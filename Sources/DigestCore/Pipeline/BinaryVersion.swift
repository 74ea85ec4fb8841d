import Foundation

/// Identifies the running `digest` binary, so a cache written by another build of the
/// program (whose rendering may differ) is never trusted.
enum BinaryVersion {
    /// The linker's build ID (a hash of the whole executable, kept in its notes), or else a fingerprint of the executable's bytes (50 MB read on every
    /// build); a fixed value when neither can be had.
    static let current: UInt64 = {
        if let id = buildID() {
            var print = Fingerprint()
            id.withUnsafeBytes { print.add(bytes: $0) }
            return print.value
        }
        let path = "/proc/self/exe"
        guard
            let data = FileManager.default.contents(atPath: path)
                ?? CommandLine.arguments.first.flatMap({
                    FileManager.default.contents(atPath: $0)
                })
        else { return 1 }
        return Fingerprint.of(data)
    }()

    /// The `NT_GNU_BUILD_ID` note of the running executable, found through its ELF
    /// program headers (a few hundred bytes read, not the whole file).
    static func buildID(of path: String = "/proc/self/exe") -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func read(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard offset >= 0, count >= 0, (try? handle.seek(toOffset: UInt64(offset))) != nil,
                let data = try? handle.read(upToCount: count), data.count == count
            else { return nil }
            return [UInt8](data)
        }
        func number(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int {
            (0..<size).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
        }
        // A 64-bit little-endian ELF file: "\u{7F}ELF", class 2, data 1.
        guard let header = read(0, 64), header[0..<6] == [0x7F, 0x45, 0x4C, 0x46, 2, 1] else { return nil }
        let (table, entrySize, count) = (number(header, 0x20, 8), number(header, 0x36, 2), number(header, 0x38, 2))
        guard entrySize >= 56, count < 1024, let headers = read(table, entrySize * count) else { return nil }
        for index in 0..<count where number(headers, index * entrySize, 4) == 4 {  // PT_NOTE
            let offset = number(headers, index * entrySize + 8, 8)
            let size = number(headers, index * entrySize + 32, 8)
            guard size < 1 << 20, let notes = read(offset, size) else { continue }
            if let id = notes.withUnsafeBytes({ buildID(in: $0, size: size) }) { return id }
        }
        return nil
    }

    /// Walks the notes of one `PT_NOTE` segment: name size, descriptor size, type, then
    /// the name and the descriptor, each padded to four bytes.
    private static func buildID(in notes: UnsafeRawBufferPointer, size: Int) -> [UInt8]? {
        func padded(_ count: Int) -> Int { (count + 3) & ~3 }
        var offset = 0
        while offset + 12 <= size {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12
            let descriptor = name + padded(nameSize)
            guard descriptor + descriptorSize <= size else { return nil }
            let isGNU =
                nameSize == 4 && notes.loadUnaligned(fromByteOffset: name, as: UInt32.self) == 0x0055_4E47  // "GNU\0"
            if type == 3 && isGNU && descriptorSize > 0 {  // NT_GNU_BUILD_ID
                return Array(notes[descriptor..<descriptor + descriptorSize])
            }
            offset = descriptor + padded(descriptorSize)
        }
        return nil
    }
}
