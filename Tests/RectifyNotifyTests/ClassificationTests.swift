import CCurl
import Foundation
import Testing

@testable import RectifyNotify

struct OutcomeClassifierTests {
    @Test(arguments: [
        (0, 250, OutcomeClassifier.Verdict.delivered),
        (67, 535, .permanent),  // login denied
        (55, 550, .permanent),  // mailbox unavailable
        (55, 451, .retryable),  // try again later
        (7, 0, .retryable),  // could not connect
        (28, 0, .retryable),  // timeout
        (64, 0, .retryable),  // STARTTLS refused
        (3, 0, .permanent),  // malformed URL
    ])
    func smtp(curlCode: Int, reply: Int, verdict: OutcomeClassifier.Verdict) {
        #expect(OutcomeClassifier.smtp(curlCode: curlCode, responseCode: reply) == verdict)
    }

    @Test(arguments: [
        (0, 200, OutcomeClassifier.Verdict.delivered),
        (0, 204, .delivered),
        (0, 500, .retryable),
        (0, 503, .retryable),
        (0, 408, .retryable),
        (0, 429, .retryable),
        (0, 400, .permanent),
        (0, 401, .permanent),
        (0, 404, .permanent),
        (0, 301, .permanent),
        (7, 0, .retryable),
        (28, 0, .retryable),
        (1, 0, .permanent),  // unsupported protocol
    ])
    func http(curlCode: Int, status: Int, verdict: OutcomeClassifier.Verdict) {
        #expect(OutcomeClassifier.http(curlCode: curlCode, status: status) == verdict)
    }
}

struct RedactionTests {
    @Test func url_losesUserinfoAndQuery() {
        #expect(
            Redaction.url("https://bot:pw@oapi.example.cn/robot/send?access_token=abc123")
                == "https://oapi.example.cn/robot/send?[redacted]")
        #expect(Redaction.url("smtp://mail.example.cn:587") == "smtp://mail.example.cn:587")
        #expect(Redaction.url("not a url") == "[unparseable URL]")
    }

    @Test func scrub_removesSecretsAndTheRawURL() {
        let text = Redaction.scrub(
            "failed for https://h/x?key=K1234 with token tok-9876", secrets: ["tok-9876"], url: "https://h/x?key=K1234")
        #expect(text == "failed for https://h/x?[redacted] with token [redacted]")
    }

    @Test func receiverURL_refusesCredentialsAndKnowsLoopback() throws {
        #expect(throws: DeliveryError.self) { try ReceiverURL("smtp://u:p@mail.example.cn", schemes: ["smtp"]) }
        #expect(throws: DeliveryError.self) { try ReceiverURL("ftp://mail.example.cn", schemes: ["smtp"]) }
        #expect(try ReceiverURL("smtp://127.0.0.1:25", schemes: ["smtp"]).isLoopback)
        #expect(try ReceiverURL("smtp://[::1]:25", schemes: ["smtp"]).isLoopback)
        #expect(try ReceiverURL("smtp://localhost", schemes: ["smtp"]).isLoopback)
        #expect(try !ReceiverURL("smtp://127.example.cn", schemes: ["smtp"]).isLoopback)
        #expect(try !ReceiverURL("smtp://mail.example.cn", schemes: ["smtp"]).isLoopback)
    }
}

struct StartTLSTests {
    @Test func startTLS_isRequiredOffTheMachine_andImplicitForSMTPS() throws {
        #expect(
            SMTPSession.startTLS(for: try ReceiverURL("smtp://mail.example.gov.cn:587", schemes: ["smtp"]))
                == CURLUSESSL_ALL)
        #expect(
            SMTPSession.startTLS(for: try ReceiverURL("smtp://127.0.0.1:2525", schemes: ["smtp"])) == CURLUSESSL_TRY)
        #expect(SMTPSession.startTLS(for: try ReceiverURL("smtps://mail.example.gov.cn", schemes: ["smtps"])) == nil)
    }
}

struct SecretSourceTests {
    @Test func file_isReadAndTrimmed() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Harness.write("s3cret\n", to: directory, name: "pw")
        #expect(try SecretSource.file(path).resolve() == "s3cret")
    }

    @Test func credential_isReadFromTheCredentialsDirectory() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Harness.write("from-systemd\n", to: directory, name: "smtp-password")
        let secret = try SecretSource.credential("smtp-password").resolve(environment: [
            "CREDENTIALS_DIRECTORY": directory.path
        ])
        #expect(secret == "from-systemd")
    }

    @Test func missingSecret_errorNamesTheFile() {
        do {
            _ = try SecretSource.file("/nonexistent/rectifyd/pw").resolve()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("/nonexistent/rectifyd/pw"))
        }
        do {
            _ = try SecretSource.credential("smtp-password").resolve(environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("CREDENTIALS_DIRECTORY"))
        }
    }

    @Test func badSecret_errorDoesNotQuoteIt() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Harness.write("line-one-secret\nline-two-secret\n", to: directory, name: "pw")
        do {
            _ = try SecretSource.file(path).resolve()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains(path))
            #expect(!"\(error)".contains("secret\n") && !"\(error)".contains("line-one"))
        }
    }
}
