// swift-tools-version: 6.0
import PackageDescription

// Each dependency earns its place:
// - ArgumentParser: the two command lines (subcommands, help, completions, man page).
// - swift-log: the logging API libraries take as a parameter; only `main` bootstraps it.
// - Yams: YAML plan and config files, with line/column marks for error messages.
// - GRDB: the state database (progress updates, notification log, outbox) in SQLite.
// - SwiftNIO: the control socket's channel handlers (connection caps, request deadline, EMFILE
//   pause, SO_PEERCRED) under the HTTP server.
// - swift-service-lifecycle: scheduler, delivery and control as services in one ServiceGroup —
//   started in order, stopped in reverse, SIGHUP/SIGTERM as an async sequence, no exit() from
//   a signal queue.
// - Hummingbird: the HTTP framework of the control socket (and of the web listener to come):
//   one router, middleware and error mapping, and its HTTP/1 channel under our own NIO handlers
//   for each connection (swift-nio-extras' NIOHTTPTypes and swift-http-types are the HTTP part
//   types it speaks, named here because our request-deadline handler reads them).
// - swift-crypto: SHA-256 and HMAC-SHA256 for the robots' signatures and the web's signed links
//   (no hand-written hash); its _CryptoExtras gives scrypt (RFC 7914) for the office's passwords,
//   a standard memory-hard KDF over BoringSSL.
// - multipart-kit: the web's evidence uploads arrive as multipart/form-data; a parser that is
//   tested against the RFC's corner cases rather than one written here (swift-collections is its
//   dependency, from the same mirror).
// - ZIPFoundation: .xlsx and .docx are ZIP archives of XML parts; it reads them in memory and
//   writes the exported .xlsx. The XML inside is read with Foundation's XMLParser (FoundationXML,
//   a streaming parser, no extra package): on a 10,000-row openpyxl sheet (6.9 MB of XML, 69k
//   cells) it took 160–290 ms where SWXMLHash 8.1.1 took 470–660 ms (its lazy mode 580–680 ms),
//   so SWXMLHash and XMLCoder (a Codable layer over the same XMLParser) are not used.
//   RectifyReport writes the drafted 通报 as a .docx with it (in memory, deflated; the XML by hand).
let package = Package(
    name: "rectifyd",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rectifyd", targets: ["rectifyd"]),
        .executable(name: "rectifyctl", targets: ["rectifyctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "RectifyCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RectifyImport",
            dependencies: [
                "RectifyCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "RectifyExport",
            dependencies: ["RectifyCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "RectifyReport",
            dependencies: ["RectifyCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "RectifyNotify",
            dependencies: [
                "RectifyCore", "CCurl", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RectifyStore",
            dependencies: [
                "RectifyCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own binding calls, for the one statement run per log entry (LogEntry.upsert).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "RectifyControl",
            dependencies: ["RectifyCore", "RectifyNotify"]
        ),
        .target(
            name: "RectifyWeb",
            dependencies: [
                "RectifyCore", "RectifyControl", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .target(
            name: "RectifyDaemon",
            dependencies: [
                "RectifyCore", "RectifyNotify", "RectifyStore", "RectifyControl", "RectifyWeb", "RectifyReport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "rectifyctl",
            dependencies: [
                "RectifyCore", "RectifyImport", "RectifyExport", "RectifyControl", "RectifyNotify", "RectifyReport",
                "RectifyDaemon", "RectifyStore", "RectifyWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "rectifyd",
            dependencies: [
                "RectifyDaemon", "RectifyImport", "RectifyStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "rectify-bench", dependencies: ["RectifyCore", "RectifyDaemon", "RectifyNotify"]),
        .testTarget(name: "RectifyCoreTests", dependencies: ["RectifyCore"]),
        .testTarget(
            name: "RectifyImportTests", dependencies: ["RectifyImport", "RectifyCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RectifyLedgerTests", dependencies: ["RectifyImport", "RectifyExport", "RectifyCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Support"]
        ),
        .testTarget(
            name: "RectifyNotifyTests",
            dependencies: [
                "RectifyNotify", "RectifyCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Support"]
        ),
        .testTarget(
            name: "RectifyReportTests", dependencies: ["RectifyReport", "RectifyImport", "RectifyCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RectifyStoreTests",
            dependencies: ["RectifyStore", "RectifyCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RectifyDaemonTests",
            dependencies: ["RectifyDaemon", "RectifyCore", "RectifyControl", "RectifyNotify", "RectifyReport"]
        ),
        .testTarget(name: "RectifyWebTests", dependencies: ["RectifyWeb", "RectifyCore", "RectifyControl"]),
    ]
)
