#ifndef RECTIFYD_CCURL_SHIM_H
#define RECTIFYD_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them. Each wrapper
// below fixes one argument type, so the C compiler passes the value the way libcurl reads it.

// Numeric options (timeouts, flags, CURLUSESSL_*) are read as `long`.
static inline CURLcode rectify_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

// String options; libcurl copies the string, so the caller's buffer may go away afterwards.
static inline CURLcode rectify_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

// Opaque pointers (READDATA, WRITEDATA, ERRORBUFFER): libcurl keeps the pointer, not a copy.
static inline CURLcode rectify_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

// Lists (MAIL_RCPT, HTTPHEADER): libcurl keeps the pointer; the list must outlive the transfer.
static inline CURLcode rectify_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

// Sizes (INFILESIZE_LARGE, POSTFIELDSIZE_LARGE) are curl_off_t, which is wider than long on some ABIs.
static inline CURLcode rectify_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

// READFUNCTION: a function pointer must be passed as one, not through a void *.
static inline CURLcode rectify_curl_setopt_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

// WRITEFUNCTION: same; without it libcurl writes response bodies to stdout.
static inline CURLcode rectify_curl_setopt_write_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

// HEADERFUNCTION: HTTP header lines, and for SMTP the server's reply lines.
static inline CURLcode rectify_curl_setopt_header_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

// Numeric info (RESPONSE_CODE, NUM_CONNECTS) is written to a `long *`.
static inline CURLcode rectify_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

// Time info (TOTAL_TIME_T) is written to a `curl_off_t *` in microseconds.
static inline CURLcode rectify_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
