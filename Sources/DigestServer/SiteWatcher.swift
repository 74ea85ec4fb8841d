import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reports that something changed under the watched folders. Uses inotify on Linux
/// (watching new sub-folders as they appear) and falls back to polling file sizes and
/// modification times elsewhere or when inotify is unavailable.
final class SiteWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let pollInterval: TimeInterval
    private let forcePolling: Bool
    private let lock = NSLock()
    private var stopped = false
    private var continuation: AsyncStream<Void>.Continuation?

    init(folders: [URL], forcePolling: Bool = false, pollInterval: TimeInterval = 0.5) {
        self.folders = folders
        self.forcePolling = forcePolling
        self.pollInterval = pollInterval
    }

    /// How changes are being noticed, for the start-up message.
    private(set) var mode = "polling"

    /// A stream with one element per burst of changes (bursts collapse while unread).
    func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        lock.withLock { self.continuation = continuation }
        let thread: Thread
        #if os(Linux)
            if !forcePolling, let inotify = Inotify(folders: folders) {
                mode = "inotify"
                thread = Thread { [self] in inotify.run(isStopped: { self.isStopped }) { self.notify() } }
            } else {
                thread = Thread { [self] in pollLoop() }
            }
        #else
            thread = Thread { [self] in pollLoop() }
        #endif
        thread.name = "digest-watcher"
        thread.start()
        continuation.onTermination = { [weak self] _ in self?.stop() }
        return stream
    }

    func stop() {
        // Finish outside the lock: finishing runs `onTermination`, which calls `stop()` again.
        let continuation = lock.withLock {
            stopped = true
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.finish()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func notify() {
        _ = lock.withLock { continuation?.yield(()) }
    }

    private func pollLoop() {
        var last = signature()
        while !isStopped {
            Thread.sleep(forTimeInterval: pollInterval)
            let current = signature()
            if current != last {
                last = current
                notify()
            }
        }
    }

    /// Paths, sizes and modification times of every file below the folders.
    private func signature() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            guard
                let enumerator = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey])
            else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
                result[url.path] =
                    "\(values?.fileSize ?? -1)-\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
            }
        }
        return result
    }
}

#if os(Linux)
    /// The inotify file descriptor and its watches, one per folder (recursively).
    private final class Inotify: @unchecked Sendable {  // used by the watcher thread alone
        private let fd: Int32
        private var watches: [Int32: URL] = [:]
        private let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF | IN_MOVE_SELF)

        init?(folders: [URL]) {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            for folder in folders { addRecursively(folder) }
            if watches.isEmpty {
                close(fd)
                return nil
            }
        }

        deinit { close(fd) }

        private func addRecursively(_ folder: URL) {
            add(folder)
            guard
                let enumerator = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            else { return }
            for case let url as URL in enumerator
            where (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                add(url)
            }
        }

        private func add(_ folder: URL) {
            let wd = inotify_add_watch(fd, folder.path, mask)
            if wd >= 0 { watches[wd] = folder }
        }

        /// Reads events until `isStopped`, calling `changed` after each batch.
        func run(isStopped: () -> Bool, changed: () -> Void) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while !isStopped() {
                guard poll(&descriptor, 1, 200) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                var newFolders: [URL] = []
                while offset + 16 <= count {
                    // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; char name[]; }
                    let (wd, eventMask, length) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.load(fromByteOffset: offset, as: Int32.self),
                            bytes.load(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                        let parent = watches[wd], offset + 16 + length <= count
                    {
                        let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                        newFolders.append(parent.appendingPathComponent(String(decoding: nameBytes, as: UTF8.self)))
                    }
                    offset += 16 + length
                }
                for folder in newFolders { addRecursively(folder) }
                changed()
            }
        }
    }
#endif
