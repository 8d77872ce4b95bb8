#ifndef RECTIFYD_CCURL_SHIM_H
#define RECTIFYD_CCURL_SHIM_H
#include <curl/curl.h>
#endif
