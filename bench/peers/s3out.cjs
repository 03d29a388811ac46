"use strict";
const aws_sdk_checksums_flexible_checksums = require("@aws-sdk/checksums/flexible-checksums");
const aws_sdk_checksums_sha = require("@aws-sdk/checksums/sha");
const aws_sdk_client_s3 = require("@aws-sdk/client-s3");
const aws_sdk_core_client = require("@aws-sdk/core/client");
const aws_sdk_core_httpAuthSchemes = require("@aws-sdk/core/httpAuthSchemes");
const aws_sdk_core_protocols = require("@aws-sdk/core/protocols");
const aws_sdk_core_util = require("@aws-sdk/core/util");
const aws_sdk_credential_provider_env = require("@aws-sdk/credential-provider-env");
const aws_sdk_credential_provider_node = require("@aws-sdk/credential-provider-node");
const aws_sdk_middleware_sdk_s3_s3 = require("@aws-sdk/middleware-sdk-s3/s3");
const aws_sdk_signature_v4_multi_region = require("@aws-sdk/signature-v4-multi-region");
const aws_lambda_invoke_store = require("@aws/lambda-invoke-store");
const smithy_core = require("@smithy/core");
const smithy_core_checksum = require("@smithy/core/checksum");
const smithy_core_client = require("@smithy/core/client");
const smithy_core_config = require("@smithy/core/config");
const smithy_core_endpoints = require("@smithy/core/endpoints");
const smithy_core_event_streams = require("@smithy/core/event-streams");
const smithy_core_protocols = require("@smithy/core/protocols");
const smithy_core_retry = require("@smithy/core/retry");
const smithy_core_schema = require("@smithy/core/schema");
const smithy_core_serde = require("@smithy/core/serde");
const smithy_node_http_handler = require("@smithy/node-http-handler");
const smithy_signature_v4 = require("@smithy/signature-v4");
const os = require("node:os");
const stream = require("node:stream");
function mk_closure_scope_18($0, $1) {
  const PutObjectCommand = $0, s3 = $1;
  return {
    handler: () => (async (event) => { const cmd = new PutObjectCommand({ Bucket: "b", Key: event.key, Body: "x" }); return typeof s3.send + ":" + cmd.input.Key; })
  };
}
function mk_closure_scope($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) {
  const bdd = $0, cache = $1, decideEndpoint = $2, SignatureV4MultiRegion = $3, createAwsAuthSigv4HttpAuthOption = $4, createAwsAuthSigv4aHttpAuthOption = $5, DEFAULT_RETRY_MODE = "standard", getSmithyContext = $6, resolveParams = $7, DefaultIdentityProviderConfig = $8, loadConfigsForDefaultMode = $9, normalizeProvider = $10;
  return {
    defaultEndpointResolver: () => ((endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
}),
    defaultS3HttpAuthSchemeProvider: () => ((authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
            options.push(createAwsAuthSigv4aHttpAuthOption(authParameters));
        }
    }
    return options;
}),
    identityProviderConfigProvider: () => (async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
                "aws.auth#sigv4a": config.credentials,
            })),
    defaultS3HttpAuthSchemeParametersProvide: () => (async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
}),
    mk_createEndpointRuleSetHttpAuthSchemeProvi: ($0, $1, $2) => {
      const createHttpAuthOptionFunctions = $0, defaultEndpointResolver = $1, defaultHttpAuthSchemeResolver = $2;
      return {
        endpointRuleSetHttpAuthSchemeProvider: () => ((authParameters) => {
        const endpoint = defaultEndpointResolver(authParameters);
        const authSchemes = endpoint.properties?.authSchemes;
        if (!authSchemes) {
            return defaultHttpAuthSchemeResolver(authParameters);
        }
        const options = [];
        for (const scheme of authSchemes) {
            const { name: resolvedName, properties = {}, ...rest } = scheme;
            const name = resolvedName.toLowerCase();
            if (resolvedName !== name) {
                console.warn(`HttpAuthScheme has been normalized with lowercasing: '${resolvedName}' to '${name}'`);
            }
            let schemeId;
            if (name === "sigv4a") {
                schemeId = "aws.auth#sigv4a";
                const sigv4Present = authSchemes.find((s) => {
                    const name = s.name.toLowerCase();
                    return name !== "sigv4a" && name.startsWith("sigv4");
                });
                if (SignatureV4MultiRegion.sigv4aDependency() === "none" && sigv4Present) {
                    continue;
                }
            }
            else if (name.startsWith("sigv4")) {
                schemeId = "aws.auth#sigv4";
            }
            else {
                throw new Error(`Unknown HttpAuthScheme found in '@smithy.rules#endpointRuleSet': '${name}'`);
            }
            const createOption = createHttpAuthOptionFunctions[schemeId];
            if (!createOption) {
                throw new Error(`Could not find HttpAuthOption create function for '${schemeId}'`);
            }
            const option = createOption(authParameters);
            option.schemeId = schemeId;
            option.signingProperties = { ...(option.signingProperties || {}), ...rest, ...properties };
            options.push(option);
        }
        return options;
    })
      };
    },
    mk_getRuntimeConfig_scope: ($0) => {
      const defaultsMode = $0;
      let defaultConfigProvider;
      return {
        $set: { defaultConfigProvider($) { defaultConfigProvider = $; } },
        default_2: () => (async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE),
        defaultConfigProvider: () => (() => defaultsMode().then(loadConfigsForDefaultMode))
      };
    },
    mk_createEndpointRuleSetHttpAuthSchemeParam: ($0) => {
      const defaultHttpAuthSchemeParametersProvider = $0;
      return {
        httpAuthSchemeParametersProvider: () => (async (config, context, input) => {
    if (!input) {
        throw new Error("Could not find `input` for `defaultEndpointRuleSetHttpAuthSchemeParametersProvider`");
    }
    const defaultParameters = await defaultHttpAuthSchemeParametersProvider(config, context, input);
    const instructionsFn = getSmithyContext(context)?.commandInstance?.constructor
        ?.getEndpointParameterInstructions;
    if (!instructionsFn) {
        throw new Error(`getEndpointParameterInstructions() is not defined on '${context.commandName}'`);
    }
    const endpointParameters = await resolveParams(input, { getEndpointParameterInstructions: instructionsFn }, config);
    return Object.assign(defaultParameters, endpointParameters);
})
      };
    }
  };
}
function mk_closure_scope_3($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) {
  const isFipsRegion = $0, isValidHostLabel = $1, validRegions = $2, ProviderError = $3, DEFAULTS_MODE_OPTIONS = $4, CredentialsProviderError = $5, getSelectorName = $6, getProfileName = $7, loadSharedConfigFiles = $8, AWS_DEFAULT_REGION_ENV = "AWS_DEFAULT_REGION", AWS_EXECUTION_ENV = "AWS_EXECUTION_ENV", AWS_REGION_ENV = "AWS_REGION", ENV_IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED", IMDS_REGION_PATH = "/latest/meta-data/placement/region", IMDS_TOKEN_PATH = "/latest/api/token", X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token", X_AWS_EC2_METADATA_TOKEN_TTL = "x-aws-ec2-metadata-token-ttl-seconds", resolveImdsEndpoint = $9, NEG_CACHE_TTL_MS = 60000, TIMEOUT_MS = 1000, require = $10, AWS_DEFAULTS_MODE_ENV = "AWS_DEFAULTS_MODE", AWS_DEFAULTS_MODE_CONFIG = "defaults_mode";
  let checkRegion, getRealRegion, resolveNodeDefaultsModeAuto, inferPhysicalRegion, getInstanceMetadataRegion, cacheNegativeAndReturnUndefined, imdsRequest, negativeCacheUntil = 0;
  return {
    $set: { checkRegion($) { checkRegion = $; }, getRealRegion($) { getRealRegion = $; }, resolveNodeDefaultsModeAuto($) { resolveNodeDefaultsModeAuto = $; }, inferPhysicalRegion($) { inferPhysicalRegion = $; }, getInstanceMetadataRegion($) { getInstanceMetadataRegion = $; }, cacheNegativeAndReturnUndefined($) { cacheNegativeAndReturnUndefined = $; }, imdsRequest($) { imdsRequest = $; } },
    checkRegion: () => ((region, check = isValidHostLabel) => {
    if (!validRegions.has(region) && !check(region)) {
        if (region === "*") {
            console.warn(`@smithy/config-resolver WARN - Please use the caller region instead of "*". See "sigv4a" in https://github.com/aws/aws-sdk-js-v3/blob/main/supplemental-docs/CLIENTS.md.`);
        }
        else {
            throw new Error(`Region not accepted: region="${region}" is not a valid hostname component.`);
        }
    }
    else {
        validRegions.add(region);
    }
}),
    getRealRegion: () => ((region) => isFipsRegion(region)
    ? ["fips-aws-global", "aws-fips"].includes(region)
        ? "us-east-1"
        : region.replace(/fips-(dkr-|prod-)?|-fips/, "")
    : region),
    resolveNodeDefaultsModeAuto: () => (async (clientRegion) => {
    if (clientRegion) {
        const resolvedRegion = typeof clientRegion === "function" ? await clientRegion() : clientRegion;
        const inferredRegion = await inferPhysicalRegion();
        if (!inferredRegion) {
            return "standard";
        }
        if (resolvedRegion === inferredRegion) {
            return "in-region";
        }
        else {
            return "cross-region";
        }
    }
    return "standard";
}),
    inferPhysicalRegion: () => (async () => {
    if (process.env[AWS_EXECUTION_ENV] && (process.env[AWS_REGION_ENV] || process.env[AWS_DEFAULT_REGION_ENV])) {
        return process.env[AWS_REGION_ENV] ?? process.env[AWS_DEFAULT_REGION_ENV];
    }
    return getInstanceMetadataRegion();
}),
    getInstanceMetadataRegion: () => (async () => {
    if (process.env[ENV_IMDS_DISABLED]) {
        return undefined;
    }
    if (Date.now() < negativeCacheUntil) {
        return undefined;
    }
    try {
        const endpoint = resolveImdsEndpoint();
        const token = (await imdsRequest({
            ...endpoint,
            path: IMDS_TOKEN_PATH,
            method: "PUT",
            headers: {
                [X_AWS_EC2_METADATA_TOKEN_TTL]: "21600",
            },
        })).toString();
        const region = (await imdsRequest({
            ...endpoint,
            path: IMDS_REGION_PATH,
            method: "GET",
            headers: {
                [X_AWS_EC2_METADATA_TOKEN]: token,
            },
        }))
            .toString()
            .trim();
        return region || cacheNegativeAndReturnUndefined();
    }
    catch {
        return cacheNegativeAndReturnUndefined();
    }
}),
    cacheNegativeAndReturnUndefined: () => (() => {
    negativeCacheUntil = Date.now() + NEG_CACHE_TTL_MS;
    return undefined;
}),
    imdsRequest: () => (async (options) => {
    const { request } = require('node:http');
    return new Promise((resolve, reject) => {
        const req = request({
            hostname: options.hostname,
            port: options.port,
            path: options.path,
            method: options.method,
            headers: options.headers,
            timeout: TIMEOUT_MS,
            signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        req.on("error", (err) => {
            reject(err);
            req.destroy();
        });
        req.on("timeout", () => {
            reject(new Error("TimeoutError from instance metadata service"));
            req.destroy();
        });
        req.on("response", (res) => {
            const { statusCode = 400 } = res;
            if (statusCode < 200 || statusCode >= 300) {
                reject(Object.assign(new Error("Error response received from instance metadata service"), { statusCode }));
                req.destroy();
                return;
            }
            const chunks = [];
            res.on("data", (chunk) => chunks.push(chunk));
            res.on("end", () => {
                resolve(Buffer.concat(chunks));
                req.destroy();
            });
        });
        req.end();
    });
}),
    environmentVariableSelector: () => ((env) => {
        return env[AWS_DEFAULTS_MODE_ENV];
    }),
    configFileSelector: () => ((profile) => {
        return profile[AWS_DEFAULTS_MODE_CONFIG];
    }),
    mk_memoize_scope: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        useArnRegion: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_resolveRegionConfig_scope: ($0) => {
      const region = "us-east-1", useFipsEndpoint = $0;
      return {
        region: () => (async () => {
            const providedRegion = typeof region === "function" ? await region() : region;
            const realRegion = getRealRegion(providedRegion);
            checkRegion(realRegion);
            return realRegion;
        }),
        useFipsEndpoint_2: () => (async () => {
            const providedRegion = typeof region === "string" ? region : await region();
            if (isFipsRegion(providedRegion)) {
                return true;
            }
            return typeof useFipsEndpoint !== "function" ? Promise.resolve(!!useFipsEndpoint) : useFipsEndpoint();
        })
      };
    },
    mk_memoize_scope_4: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = true, resolved = "legacy", isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        defaultsMode_2: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_4: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_5: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        authSchemePreference: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_5: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_6: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        disableS3ExpressSessionAuth: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_6: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_7: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        maxAttempts: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_7: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_8: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        requestChecksumCalculation: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_8: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_9: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        responseChecksumValidation: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_9: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_10: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        retryMode: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_10: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_11: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        sigv4aSigningRegionSet: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_11: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_12: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        useDualstackEndpoint: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_12: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_14: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        disableClockSkewCorrection: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_14: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_2: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        useFipsEndpoint: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_2: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_memoize_scope_13: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = undefined, resolved = undefined, isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        normalizedAppIdProvider: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_13: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_chain_scope: ($0) => {
      const providers = $0;
      return {
        provider: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_resolveDefaultsModeConfig_scope: ($0) => {
      const defaultsMode = $0, region = "us-east-1";
      return {
        provider_4: () => (async () => {
    const mode = typeof defaultsMode === "function" ? await defaultsMode() : defaultsMode;
    switch (mode?.toLowerCase()) {
        case "auto":
            return resolveNodeDefaultsModeAuto(region);
        case "in-region":
        case "cross-region":
        case "mobile":
        case "standard":
        case "legacy":
            return Promise.resolve(mode?.toLocaleLowerCase());
        case undefined:
            return Promise.resolve("legacy");
        default:
            throw new Error(`Invalid parameter for "defaultsMode", expect ${DEFAULTS_MODE_OPTIONS.join(", ")}, got ${mode}`);
    }
})
      };
    },
    mk_chain_scope_4: ($0) => {
      const providers = $0;
      return {
        provider_5: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_5: ($0) => {
      const providers = $0;
      return {
        provider_6: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_6: ($0) => {
      const providers = $0;
      return {
        provider_7: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_7: ($0) => {
      const providers = $0;
      return {
        provider_8: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_8: ($0) => {
      const providers = $0;
      return {
        provider_9: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_9: ($0) => {
      const providers = $0;
      return {
        provider_10: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_10: ($0) => {
      const providers = $0;
      return {
        provider_11: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_11: ($0) => {
      const providers = $0;
      return {
        provider_12: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_13: ($0) => {
      const providers = $0;
      return {
        provider_15: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_memoize_scope_3: ($0) => {
      const provider = $0;
      let coalesceProvider, hasResult = true, resolved = "legacy", isConstant = false, pending = undefined;
      return {
        $set: { coalesceProvider($) { coalesceProvider = $; } },
        defaultsMode: () => (async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        }),
        coalesceProvider_3: () => (async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    })
      };
    },
    mk_chain_scope_2: ($0) => {
      const providers = $0;
      return {
        provider_2: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_chain_scope_12: ($0) => {
      const providers = $0;
      return {
        provider_13: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_fromEnv_scope: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_77: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_86: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope: () => {
      const staticValue = undefined;
      return {
        _2_3: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_4: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_80: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_4: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_89: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_4: ($0) => {
      const staticValue = $0;
      return {
        _2_6: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_5: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_81: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_5: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_90: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_5: () => {
      const staticValue = false;
      return {
        _2_7: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_6: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_82: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_6: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_91: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_6: () => {
      const staticValue = 3;
      return {
        _2_8: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_7: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_83: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_7: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_92: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_7: () => {
      const staticValue = "WHEN_SUPPORTED";
      return {
        _2_9: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_8: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_84: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_8: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_93: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_8: () => {
      const staticValue = "WHEN_SUPPORTED";
      return {
        _2_10: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_9: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_85: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_9: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_94: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromStatic_scope: ($0) => {
      const defaultValue = $0;
      return {
        _2_11: () => (async () => await defaultValue())
      };
    },
    mk_fromEnv_scope_10: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_86: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_10: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_95: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_9: () => {
      const staticValue = undefined;
      return {
        _2_12: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_11: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_87: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_11: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_96: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_10: () => {
      const staticValue = false;
      return {
        _2_13: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_13: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_90: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_13: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_99: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_12: () => {
      const staticValue = false;
      return {
        _2_16: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_chain_scope_3: ($0) => {
      const providers = $0;
      return {
        provider_3: () => (async () => {
    if (providers.length === 0) {
        throw new ProviderError("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_fromEnv_scope_2: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_78: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_2: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_87: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_2: () => {
      const staticValue = false;
      return {
        _2_4: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_12: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_88: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_12: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_97: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_11: () => {
      const staticValue = undefined;
      return {
        _2_14: () => (() => Promise.resolve(staticValue))
      };
    },
    mk_fromEnv_scope_3: ($0, $1) => {
      const envVarSelector = $0, options = $1;
      return {
        _0_79: () => (async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
})
      };
    },
    mk_fromSharedConfigFiles_scope_3: ($0, $1) => {
      const configSelector = $0, init = $1, preferredFile = "config";
      return {
        _1_88: () => (async () => {
    const profile = getProfileName(init);
    const { configFile, credentialsFile } = await loadSharedConfigFiles(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
})
      };
    },
    mk_fromValue_scope_3: () => {
      const staticValue = "legacy";
      return {
        _2_5: () => (() => Promise.resolve(staticValue))
      };
    }
  };
}
function mk_closure_scope_4($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) {
  const env = $0, platform = $1, release = $2, isValidUserAgentAppId = $3, crtAvailability = $4, HttpRequest = $5, SPACE = " ", USER_AGENT = "user-agent", X_AMZ_USER_AGENT = "x-amz-user-agent", getUserAgentPrefix = $6, NoOpLogger = $7, AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME", BAGGAGE = "baggage", InvokeStore = $8, TRACEPARENT = "traceparent", TRACESTATE = "tracestate", X_AMZN_TRACE_ID = "X-Amzn-Trace-Id", _X_AMZN_TRACE_ID = "_X_AMZN_TRACE_ID", ACCOUNT_ID_ENDPOINT_REGEX = $9, RETRY_MODES = $10, setFeature = $11, BYTE_LIMIT = 1024, UA_ESCAPE_CHAR = "-", UA_NAME_ESCAPE_REGEX = $12, UA_NAME_SEPARATOR = "/", UA_VALUE_ESCAPE_REGEX = $13;
  let isCrtAvailable, checkFeatures, encodeFeatures, escapeUserAgent, sanitizeTraceHeaders;
  return {
    $set: { isCrtAvailable($) { isCrtAvailable = $; }, checkFeatures($) { checkFeatures = $; }, encodeFeatures($) { encodeFeatures = $; }, escapeUserAgent($) { escapeUserAgent = $; }, sanitizeTraceHeaders($) { sanitizeTraceHeaders = $; } },
    isCrtAvailable: () => (() => {
    if (crtAvailability.isCrtAvailable) {
        return ["md/crt-avail"];
    }
    return null;
}),
    middleware_7: () => ((next, context) => async (args) => {
    try {
        const response = await next(args);
        const { logger } = context;
        const isNoOpLogger = logger instanceof NoOpLogger;
        if (logger && !isNoOpLogger) {
            const { clientName, commandName, dynamoDbDocumentClientOptions = {} } = context;
            const { overrideInputFilterSensitiveLog, overrideOutputFilterSensitiveLog } = dynamoDbDocumentClientOptions;
            const inputFilterSensitiveLog = overrideInputFilterSensitiveLog ?? context.inputFilterSensitiveLog;
            const outputFilterSensitiveLog = overrideOutputFilterSensitiveLog ?? context.outputFilterSensitiveLog;
            const { $metadata, ...outputWithoutMetadata } = response.output;
            logger.info?.({
                clientName,
                commandName,
                input: inputFilterSensitiveLog(args.input),
                output: outputFilterSensitiveLog(outputWithoutMetadata),
                metadata: $metadata,
            });
        }
        return response;
    }
    catch (error) {
        const { clientName, commandName, logger, dynamoDbDocumentClientOptions = {} } = context;
        const { overrideInputFilterSensitiveLog } = dynamoDbDocumentClientOptions;
        const inputFilterSensitiveLog = overrideInputFilterSensitiveLog ?? context.inputFilterSensitiveLog;
        logger?.error?.({
            clientName,
            commandName,
            input: inputFilterSensitiveLog(args.input),
            error,
            metadata: error.$metadata,
        });
        throw error;
    }
}),
    middleware_8: () => ((next) => async (args) => {
    const { request } = args;
    if (!HttpRequest.isInstance(request)) {
        return next(args);
    }
    let invokeStore;
    {
        const traceIdHeader = Object.keys(request.headers ?? {}).find((h) => h.toLowerCase() === X_AMZN_TRACE_ID.toLowerCase()) ??
            X_AMZN_TRACE_ID;
        if (!request.headers.hasOwnProperty(traceIdHeader)) {
            const functionName = process.env[AWS_LAMBDA_FUNCTION_NAME];
            const traceIdFromEnv = process.env[_X_AMZN_TRACE_ID];
            invokeStore ??= await InvokeStore.getInstanceAsync();
            const traceIdFromInvokeStore = invokeStore?.getXRayTraceId();
            const traceId = traceIdFromInvokeStore ?? traceIdFromEnv;
            const nonEmptyString = (str) => typeof str === "string" && str.length > 0;
            if (nonEmptyString(functionName) && nonEmptyString(traceId)) {
                request.headers[X_AMZN_TRACE_ID] = traceId;
            }
        }
    }
    {
        sanitizeTraceHeaders(request.headers);
        const existingTraceparent = request.headers[TRACEPARENT];
        if (!existingTraceparent) {
            const traceparent = (invokeStore ??= await InvokeStore.getInstanceAsync())?.getTraceparent?.();
            if (traceparent) {
                request.headers[TRACEPARENT] = traceparent;
                const tracestate = invokeStore?.getTracestate?.();
                if (tracestate) {
                    request.headers[TRACESTATE] = tracestate;
                }
                const baggage = invokeStore?.getBaggage?.();
                if (baggage) {
                    request.headers[BAGGAGE] = baggage;
                }
            }
        }
    }
    return next(args);
}),
    checkFeatures: () => (async function checkFeatures(context, config, args) {
    const request = args.request;
    if (request?.headers?.["smithy-protocol"] === "rpc-v2-cbor") {
        setFeature(context, "PROTOCOL_RPC_V2_CBOR", "M");
    }
    if (typeof config.retryStrategy === "function") {
        const retryStrategy = await config.retryStrategy();
        if (typeof retryStrategy.mode === "string") {
            switch (retryStrategy.mode) {
                case RETRY_MODES.ADAPTIVE:
                    setFeature(context, "RETRY_MODE_ADAPTIVE", "F");
                    break;
                case RETRY_MODES.STANDARD:
                    setFeature(context, "RETRY_MODE_STANDARD", "E");
                    break;
            }
        }
    }
    if (typeof config.accountIdEndpointMode === "function") {
        const endpointV2 = context.endpointV2;
        if (String(endpointV2?.url?.hostname).match(ACCOUNT_ID_ENDPOINT_REGEX)) {
            setFeature(context, "ACCOUNT_ID_ENDPOINT", "O");
        }
        switch (await config.accountIdEndpointMode?.()) {
            case "disabled":
                setFeature(context, "ACCOUNT_ID_MODE_DISABLED", "Q");
                break;
            case "preferred":
                setFeature(context, "ACCOUNT_ID_MODE_PREFERRED", "P");
                break;
            case "required":
                setFeature(context, "ACCOUNT_ID_MODE_REQUIRED", "R");
                break;
        }
    }
    const identity = context.__smithy_context?.selectedHttpAuthScheme?.identity;
    if (identity?.$source) {
        const credentials = identity;
        if (credentials.accountId) {
            setFeature(context, "RESOLVED_ACCOUNT_ID", "T");
        }
        for (const [key, value] of Object.entries(credentials.$source ?? {})) {
            setFeature(context, key, value);
        }
    }
}),
    encodeFeatures: () => (function encodeFeatures(features) {
    let buffer = "";
    for (const key in features) {
        const val = features[key];
        if (buffer.length + val.length + 1 <= BYTE_LIMIT) {
            if (buffer.length) {
                buffer += "," + val;
            }
            else {
                buffer += val;
            }
            continue;
        }
        break;
    }
    return buffer;
}),
    escapeUserAgent: () => ((userAgentPair) => {
    const name = userAgentPair[0]
        .split(UA_NAME_SEPARATOR)
        .map((part) => part.replace(UA_NAME_ESCAPE_REGEX, UA_ESCAPE_CHAR))
        .join(UA_NAME_SEPARATOR);
    const version = userAgentPair[1]?.replace(UA_VALUE_ESCAPE_REGEX, UA_ESCAPE_CHAR);
    const prefixSeparatorIndex = name.indexOf(UA_NAME_SEPARATOR);
    const prefix = name.substring(0, prefixSeparatorIndex);
    let uaName = name.substring(prefixSeparatorIndex + 1);
    if (prefix === "api") {
        uaName = uaName.toLowerCase();
    }
    return [prefix, uaName, version]
        .filter((item) => item && item.length > 0)
        .reduce((acc, item, index) => {
        switch (index) {
            case 0:
                return item;
            case 1:
                return `${acc}/${item}`;
            default:
                return `${acc}#${item}`;
        }
    }, "");
}),
    sanitizeTraceHeaders: () => (function sanitizeTraceHeaders(headers) {
    for (const header of Object.keys(headers)) {
        const lower = header.toLowerCase();
        if (header !== lower && (lower === TRACEPARENT || lower === TRACESTATE || lower === BAGGAGE)) {
            headers[lower] = headers[header];
            delete headers[header];
        }
    }
}),
    mk_createDefaultUserAgentProvider_scope: () => {
      const clientVersion = "3.1174.0", serviceId = "S3";
      return {
        mk_createDefaultUserAgentProvider_scope_2: ($0) => {
          const runtimeUserAgentPair = $0;
          return {
            defaultUserAgentProvider: () => (async (config) => {
        const sections = [
            ["aws-sdk-js", clientVersion],
            ["ua", "2.1"],
            [`os/${platform()}`, release()],
            ["lang/js"],
            runtimeUserAgentPair,
        ];
        const crtAvailable = isCrtAvailable();
        if (crtAvailable) {
            sections.push(crtAvailable);
        }
        if (serviceId) {
            sections.push([`api/${serviceId}`, clientVersion]);
        }
        if (env.AWS_EXECUTION_ENV) {
            sections.push([`exec-env/${env.AWS_EXECUTION_ENV}`]);
        }
        const appId = await config?.userAgentAppId?.();
        const resolvedUserAgent = appId ? [...sections, [`app/${appId}`]] : [...sections];
        return resolvedUserAgent;
    })
          };
        }
      };
    },
    mk_resolveUserAgentConfig_scope: ($0) => {
      const normalizedAppIdProvider = $0;
      let input;
      return {
        $set: { input($) { input = $; } },
        userAgentAppId: () => (async () => {
            const appId = await normalizedAppIdProvider();
            if (!isValidUserAgentAppId(appId)) {
                const logger = input.logger?.constructor?.name === "NoOpLogger" || !input.logger ? console : input.logger;
                if (typeof appId !== "string") {
                    logger?.warn("userAgentAppId must be a string or undefined.");
                }
                else if (appId.length > 50) {
                    logger?.warn("The provided userAgentAppId exceeds the maximum length of 50 characters.");
                }
            }
            return appId;
        })
      };
    },
    mk_userAgentMiddleware_scope: ($0) => {
      const options = $0;
      return {
        middleware_3: () => ((next, context) => async (args) => {
    const { request } = args;
    if (!HttpRequest.isInstance(request)) {
        return next(args);
    }
    const { headers } = request;
    const userAgent = context?.userAgent?.map(escapeUserAgent) || [];
    const defaultUserAgent = (await options.defaultUserAgentProvider()).map(escapeUserAgent);
    await checkFeatures(context, options, args);
    const awsContext = context;
    defaultUserAgent.push(`m/${encodeFeatures(Object.assign({}, context.__smithy_context?.features, awsContext.__aws_sdk_context?.features))}`);
    const customUserAgent = options?.customUserAgent?.map(escapeUserAgent) || [];
    const appId = await options.userAgentAppId();
    if (appId) {
        defaultUserAgent.push(escapeUserAgent([`app`, `${appId}`]));
    }
    const prefix = getUserAgentPrefix();
    const sdkUserAgentValue = (prefix ? [prefix] : [])
        .concat([...defaultUserAgent, ...userAgent, ...customUserAgent])
        .join(SPACE);
    const normalUAValue = [
        ...defaultUserAgent.filter((section) => section.startsWith("aws-sdk-")),
        ...customUserAgent,
    ].join(SPACE);
    if (options.runtime !== "browser") {
        if (normalUAValue) {
            headers[X_AMZ_USER_AGENT] = headers[X_AMZ_USER_AGENT]
                ? `${headers[USER_AGENT]} ${normalUAValue}`
                : normalUAValue;
        }
        headers[USER_AGENT] = sdkUserAgentValue;
    }
    else {
        headers[X_AMZ_USER_AGENT] = sdkUserAgentValue;
    }
    return next({
        ...args,
        request,
    });
})
      };
    },
    mk_hostHeaderMiddleware_scope: ($0) => {
      const options = $0;
      return {
        middleware_6: () => ((next) => async (args) => {
    if (!HttpRequest.isInstance(args.request)) {
        return next(args);
    }
    const { request } = args;
    const { handlerProtocol = "" } = options.requestHandler.metadata || {};
    if (handlerProtocol.indexOf("h2") >= 0 && !request.headers[":authority"]) {
        delete request.headers["host"];
        request.headers[":authority"] = request.hostname + (request.port ? ":" + request.port : "");
    }
    else if (!request.headers["host"]) {
        let host = request.hostname;
        if (request.port != null) {
            host += `:${request.port}`;
        }
        request.headers["host"] = host;
    }
    return next(args);
})
      };
    }
  };
}
function mk_closure_scope_6($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) {
  const AdaptiveRetryStrategy$1 = $0, RETRY_MODES = $1, StandardRetryStrategy$1 = $2, normalizeProvider = $3, HttpRequest = $4, INVOCATION_ID_HEADER = "amz-sdk-invocation-id", NoOpLogger = $5, REQUEST_HEADER = "amz-sdk-request", SMITHY_CONTEXT_KEY = "__smithy_context", asSdkError = $6, isAbortError = $7, isRetryStrategyV2 = $8, v4 = $9, Readable = $10, createAbortError = $11, isServerError = $12, isThrottlingError = $13, isTransientError = $14, HttpResponse = $15, hasOwn = $16, parseRfc7231DateTime = $17;
  let getRetryErrorInfo, race, getRetryErrorType, parseRetryAfterHeader;
  return {
    $set: { getRetryErrorInfo($) { getRetryErrorInfo = $; }, race($) { race = $; }, getRetryErrorType($) { getRetryErrorType = $; }, parseRetryAfterHeader($) { parseRetryAfterHeader = $; } },
    getRetryErrorInfo: () => ((error, logger) => {
    const errorInfo = {
        error,
        errorType: getRetryErrorType(error),
    };
    const retryAfterHint = parseRetryAfterHeader(error.$response, logger);
    if (retryAfterHint) {
        errorInfo.retryAfterHint = retryAfterHint;
    }
    return errorInfo;
}),
    isStreamingPayload: () => ((request) => request?.body instanceof Readable ||
    (typeof ReadableStream !== "undefined" && request?.body instanceof ReadableStream)),
    race: () => ((promise, signal) => {
    if (!signal) {
        return promise;
    }
    let cleanup = () => { };
    const aborted = new Promise((_, reject) => {
        const handler = () => reject(createAbortError(signal));
        if (signal.aborted) {
            handler();
        }
        else if (typeof signal.addEventListener === "function") {
            signal.addEventListener("abort", handler, { once: true });
            cleanup = () => signal.removeEventListener("abort", handler);
        }
        else {
            signal.onabort = handler;
        }
    });
    return Promise.race([promise, aborted]).finally(cleanup);
}),
    getRetryErrorType: () => ((error) => {
    if (isThrottlingError(error)) {
        return "THROTTLING";
    }
    if (isTransientError(error)) {
        return "TRANSIENT";
    }
    if (isServerError(error)) {
        return "SERVER_ERROR";
    }
    return "CLIENT_ERROR";
}),
    parseRetryAfterHeader: () => (function parseRetryAfterHeader(response, logger) {
    if (!HttpResponse.isInstance(response)) {
        return;
    }
    for (const header in response.headers) {
        if (!hasOwn(response.headers, header)) {
            continue;
        }
        const h = header.toLowerCase();
        if (h === "retry-after") {
            const retryAfter = response.headers[header];
            let retryAfterSeconds = NaN;
            if (retryAfter.endsWith("GMT")) {
                try {
                    const date = parseRfc7231DateTime(retryAfter);
                    retryAfterSeconds = (date.getTime() - Date.now()) / 1000;
                }
                catch (e) {
                    logger?.trace?.("Failed to parse retry-after header");
                    logger?.trace?.(e);
                }
            }
            else if (retryAfter.match(/ GMT, ((\d+)|(\d+\.\d+))$/)) {
                retryAfterSeconds = Number(retryAfter.match(/ GMT, ([\d.]+)$/)?.[1]);
            }
            else if (retryAfter.match(/^((\d+)|(\d+\.\d+))$/)) {
                retryAfterSeconds = Number(retryAfter);
            }
            else if (Date.parse(retryAfter) >= Date.now()) {
                retryAfterSeconds = (Date.parse(retryAfter) - Date.now()) / 1000;
            }
            if (isNaN(retryAfterSeconds)) {
                return;
            }
            return new Date(Date.now() + retryAfterSeconds * 1000);
        }
        else if (h === "x-amz-retry-after") {
            const v = response.headers[header];
            const backoffMilliseconds = Number(v);
            if (isNaN(backoffMilliseconds)) {
                logger?.trace?.(`Failed to parse x-amz-retry-after=${v}`);
                return;
            }
            return new Date(Date.now() + backoffMilliseconds);
        }
    }
}),
    mk_resolveRetryConfig_scope: ($0, $1) => {
      const defaultBaseDelay = 50, maxAttemptsProvider = $0, retryMode = $1;
      let controller = undefined, getDefault;
      return {
        $set: { getDefault($) { getDefault = $; } },
        retryStrategy: () => (() => (controller ??= getDefault())),
        getDefault: () => (async () => {
        const maxAttempts = await maxAttemptsProvider();
        const adaptive = (await normalizeProvider(retryMode)()) === RETRY_MODES.ADAPTIVE;
        if (adaptive) {
            return new AdaptiveRetryStrategy$1(maxAttemptsProvider, {
                maxAttempts,
                baseDelay: defaultBaseDelay,
            });
        }
        return new StandardRetryStrategy$1({
            maxAttempts,
            baseDelay: defaultBaseDelay,
        });
    })
      };
    },
    mk_bindRetryMiddleware_scope: ($0) => {
      const isStreamingPayload = $0;
      return {
        mk_closure_scope_14: ($0) => {
          const options = $0;
          return {
            middleware_4: () => ((next, context) => async (args) => {
        let retryStrategy = await options.retryStrategy();
        const maxAttempts = await options.maxAttempts();
        const abortSignal = context[SMITHY_CONTEXT_KEY]?.abortSignal;
        if (isRetryStrategyV2(retryStrategy)) {
            retryStrategy = retryStrategy;
            const retryTokenScope = (context["partition_id"] ?? "") + (context.__retryLongPoll ? ":longpoll" : "");
            let retryToken = await race(retryStrategy.acquireInitialRetryToken(retryTokenScope), abortSignal);
            let lastError = new Error();
            let attempts = 0;
            let totalRetryDelay = 0;
            const { request } = args;
            const isRequest = HttpRequest.isInstance(request);
            if (isRequest) {
                request.headers[INVOCATION_ID_HEADER] = v4();
            }
            while (true) {
                try {
                    if (isRequest) {
                        request.headers[REQUEST_HEADER] = `attempt=${attempts + 1}; max=${maxAttempts}`;
                    }
                    const { response, output } = await next(args);
                    retryStrategy.recordSuccess(retryToken);
                    output.$metadata.attempts = attempts + 1;
                    output.$metadata.totalRetryDelay = totalRetryDelay;
                    return { response, output };
                }
                catch (e) {
                    const retryErrorInfo = getRetryErrorInfo(e, options.logger);
                    lastError = asSdkError(e);
                    if (isRequest && isStreamingPayload(request)) {
                        (context.logger instanceof NoOpLogger ? console : context.logger)?.warn("An error was encountered in a non-retryable streaming request.");
                        throw lastError;
                    }
                    try {
                        if (abortSignal?.aborted) {
                            throw lastError;
                        }
                        retryToken = await race(retryStrategy.refreshRetryTokenForRetry(retryToken, retryErrorInfo), abortSignal);
                    }
                    catch (refreshError) {
                        if (refreshError !== lastError && abortSignal?.aborted && isAbortError(refreshError)) {
                            throw refreshError;
                        }
                        if (!lastError.$metadata) {
                            lastError.$metadata = {};
                        }
                        lastError.$metadata.attempts = attempts + 1;
                        lastError.$metadata.totalRetryDelay = totalRetryDelay;
                        throw lastError;
                    }
                    attempts = retryToken.getRetryCount();
                    const delay = retryToken.getRetryDelay();
                    totalRetryDelay += (retryToken?.$retryLog?.acquisitionDelay ?? 0) + delay;
                    if (delay > 0) {
                        await race(new Promise((resolve) => setTimeout(resolve, delay)), abortSignal);
                    }
                }
            }
        }
        else {
            retryStrategy = retryStrategy;
            if (retryStrategy?.mode) {
                context.userAgent = [...(context.userAgent || []), ["cfg/retry-mode", retryStrategy.mode]];
            }
            return retryStrategy.retry(next, args);
        }
    })
          };
        }
      };
    }
  };
}
function mk_closure_scope_7($0, $1, $2, $3) {
  const ignoreConfiguredEndpointUrlsConfigSelectors = $0, loadConfig = $1, CONFIG_ENDPOINT_URL = "endpoint_url", CONFIG_PREFIX_SEPARATOR = ".", ENV_ENDPOINT_URL = "AWS_ENDPOINT_URL", ENV_IGNORE_CONFIGURED_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", SelectorType = $2, booleanSelector = $3, CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS = "ignore_configured_endpoint_urls";
  let getEndpointUrlConfig;
  return {
    $set: { getEndpointUrlConfig($) { getEndpointUrlConfig = $; } },
    getEndpointFromConfig: () => (async (serviceId) => {
    const ignore = await loadConfig(ignoreConfiguredEndpointUrlsConfigSelectors)();
    if (ignore) {
        return undefined;
    }
    return loadConfig(getEndpointUrlConfig(serviceId ?? ""))();
}),
    getEndpointUrlConfig: () => ((serviceId) => ({
    environmentVariableSelector: (env) => {
        const serviceSuffixParts = serviceId.split(" ").map((w) => w.toUpperCase());
        const serviceEndpointUrl = env[[ENV_ENDPOINT_URL, ...serviceSuffixParts].join("_")];
        if (serviceEndpointUrl) {
            return serviceEndpointUrl;
        }
        const endpointUrl = env[ENV_ENDPOINT_URL];
        if (endpointUrl) {
            return endpointUrl;
        }
        return undefined;
    },
    configFileSelector: (profile, config) => {
        if (profile.services) {
            const servicesSectionKey = ["services", profile.services].join(CONFIG_PREFIX_SEPARATOR);
            if (!config || !config[servicesSectionKey]) {
                throw new Error(`The services section "${profile.services}" specified in the profile is not present in the shared configuration file.`);
            }
            const servicesSection = config[servicesSectionKey];
            const servicePrefixParts = serviceId.split(" ").map((w) => w.toLowerCase());
            const endpointUrl = servicesSection[[servicePrefixParts.join("_"), CONFIG_ENDPOINT_URL].join(CONFIG_PREFIX_SEPARATOR)];
            if (endpointUrl) {
                return endpointUrl;
            }
        }
        const endpointUrl = profile[CONFIG_ENDPOINT_URL];
        if (endpointUrl) {
            return endpointUrl;
        }
        return undefined;
    },
    default: undefined,
})),
    environmentVariableSelector_2: () => ((env) => booleanSelector(env, ENV_IGNORE_CONFIGURED_ENDPOINT_URLS, SelectorType.ENV)),
    configFileSelector_2: () => ((profile) => booleanSelector(profile, CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS, SelectorType.CONFIG)),
    mk_bindResolveEndpointConfig_scope: ($0) => {
      const getEndpointFromConfig = $0;
      return {
        mk_closure_scope_8: () => {
          let configuredEndpointPromise = undefined, input;
          return {
            $set: { input($) { input = $; } },
            serviceConfiguredEndpoint: () => (async () => {
            if (input.serviceId && !configuredEndpointPromise) {
                configuredEndpointPromise = getEndpointFromConfig(input.serviceId);
            }
            return configuredEndpointPromise;
        })
          };
        }
      };
    }
  };
}
function mk_closure_scope_9($0, $1, $2, $3, $4, $5, $6, $7, $8) {
  const bindCallerConfig = $0, setCredentialFeature = $1, SignatureV4 = $2, normalizeProvider = $3, doesIdentityRequireRefresh = $4, isIdentityExpired = $5, memoizeIdentityProvider = $6, ENV_DISABLE_CLOCK_SKEW_CORRECTION = "AWS_DISABLE_CLOCK_SKEW_CORRECTION", SelectorType = $7, booleanSelector = $8, CONFIG_DISABLE_CLOCK_SKEW_CORRECTION = "disable_clock_skew_correction";
  let normalizeCredentialProvider;
  return {
    $set: { normalizeCredentialProvider($) { normalizeCredentialProvider = $; } },
    normalizeCredentialProvider: () => (function normalizeCredentialProvider(config, { credentials, credentialDefaultProvider }) {
    let credentialsProvider;
    if (credentials) {
        if (!credentials?.memoized) {
            credentialsProvider = memoizeIdentityProvider(credentials, isIdentityExpired, doesIdentityRequireRefresh);
        }
        else {
            credentialsProvider = credentials;
        }
    }
    else {
        if (credentialDefaultProvider) {
            credentialsProvider = normalizeProvider(credentialDefaultProvider(Object.assign({}, config, {
                parentClientConfig: config,
            })));
        }
        else {
            credentialsProvider = async () => {
                throw new Error("@aws-sdk/core::resolveAwsSdkSigV4Config - `credentials` not provided and no credentialDefaultProvider was configured.");
            };
        }
    }
    credentialsProvider.memoized = true;
    return credentialsProvider;
}),
    environmentVariableSelector_3: () => ((env) => booleanSelector(env, ENV_DISABLE_CLOCK_SKEW_CORRECTION, SelectorType.ENV)),
    configFileSelector_3: () => ((profile) => booleanSelector(profile, CONFIG_DISABLE_CLOCK_SKEW_CORRECTION, SelectorType.CONFIG)),
    mk_bindCallerConfig_scope: ($0) => {
      const credentialsProvider = $0;
      let config;
      return {
        $set: { config($) { config = $; } },
        fn: () => (async (options) => credentialsProvider({ ...options, callerClientConfig: config }))
      };
    },
    mk_closure_scope_11: ($0) => {
      const sha256 = $0, signingEscapePath = false;
      let resolvedCredentials, config, inputCredentials, isUserSupplied = false;
      return {
        $set: { resolvedCredentials($) { resolvedCredentials = $; }, config($) { config = $; }, inputCredentials($) { inputCredentials = $; } },
        get_23: () => (({ get() {
            return resolvedCredentials;
        } }).get),
        set: () => (({ set(credentials) {
            if (credentials && credentials !== inputCredentials && credentials !== resolvedCredentials) {
                isUserSupplied = true;
            }
            inputCredentials = credentials;
            const memoizedProvider = normalizeCredentialProvider(config, {
                credentials: inputCredentials,
                credentialDefaultProvider: config.credentialDefaultProvider,
            });
            const boundProvider = bindCallerConfig(config, memoizedProvider);
            if (isUserSupplied && !boundProvider.attributed) {
                const isCredentialObject = typeof inputCredentials === "object" && inputCredentials !== null;
                resolvedCredentials = async (options) => {
                    const creds = await boundProvider(options);
                    const attributedCreds = creds;
                    if (isCredentialObject && (!attributedCreds.$source || Object.keys(attributedCreds.$source).length === 0)) {
                        return setCredentialFeature(attributedCreds, "CREDENTIALS_CODE", "e");
                    }
                    return attributedCreds;
                };
                resolvedCredentials.memoized = boundProvider.memoized;
                resolvedCredentials.configBound = boundProvider.configBound;
                resolvedCredentials.attributed = true;
            }
            else {
                resolvedCredentials = boundProvider;
            }
        } }).set),
        signer_3: () => (async (authScheme) => {
            authScheme = Object.assign({}, {
                name: "sigv4",
                signingName: config.signingName || config.defaultSigningName,
                signingRegion: await normalizeProvider(config.region)(),
                properties: {},
            }, authScheme);
            const signingRegion = authScheme.signingRegion;
            const signingService = authScheme.signingName;
            config.signingRegion = config.signingRegion || signingRegion;
            config.signingName = config.signingName || signingService || config.serviceId;
            const params = {
                ...config,
                credentials: config.credentials,
                region: config.signingRegion,
                service: config.signingName,
                sha256,
                uriEscapePath: signingEscapePath,
            };
            const SignerCtor = config.signerConstructor || SignatureV4;
            return new SignerCtor(params);
        })
      };
    }
  };
}
function mk_closure_scope_16($0, $1, $2, $3, $4) {
  const getAllAliases = $0, getMiddlewareNameWithAliases = $1, constructStack = $2, priorityWeights = $3, stepWeights = $4;
  return {
    sort: () => ((entries) => entries.sort((a, b) => stepWeights[b.step] - stepWeights[a.step] ||
        priorityWeights[b.priority || "normal"] - priorityWeights[a.priority || "normal"])),
    mk_constructStack_scope: ($0, $1) => {
      const entriesNameSet = $0, sort = $1;
      let absoluteEntries, relativeEntries, cloneTo, stack, removeByName, removeByReference, identifyOnResolve = false, getMiddlewareList, expandRelativeMiddlewareList;
      return {
        $set: { absoluteEntries($) { absoluteEntries = $; }, relativeEntries($) { relativeEntries = $; }, cloneTo($) { cloneTo = $; }, stack($) { stack = $; }, removeByName($) { removeByName = $; }, removeByReference($) { removeByReference = $; }, getMiddlewareList($) { getMiddlewareList = $; }, expandRelativeMiddlewareList($) { expandRelativeMiddlewareList = $; } },
        add: () => ((middleware, options = {}) => {
            const { name, override, aliases: _aliases } = options;
            const entry = {
                step: "initialize",
                priority: "normal",
                middleware,
                ...options,
            };
            const aliases = getAllAliases(name, _aliases);
            if (aliases.length > 0) {
                if (aliases.some((alias) => entriesNameSet.has(alias))) {
                    if (!override) {
                        throw new Error(`Duplicate middleware name '${getMiddlewareNameWithAliases(name, _aliases)}'`);
                    }
                    for (const alias of aliases) {
                        const toOverrideIndex = absoluteEntries.findIndex((entry) => entry.name === alias || entry.aliases?.some((a) => a === alias));
                        if (toOverrideIndex === -1) {
                            continue;
                        }
                        const toOverride = absoluteEntries[toOverrideIndex];
                        if (toOverride.step !== entry.step || entry.priority !== toOverride.priority) {
                            throw new Error(`"${getMiddlewareNameWithAliases(toOverride.name, toOverride.aliases)}" middleware with ` +
                                `${toOverride.priority} priority in ${toOverride.step} step cannot ` +
                                `be overridden by "${getMiddlewareNameWithAliases(name, _aliases)}" middleware with ` +
                                `${entry.priority} priority in ${entry.step} step.`);
                        }
                        absoluteEntries.splice(toOverrideIndex, 1);
                    }
                }
                for (const alias of aliases) {
                    entriesNameSet.add(alias);
                }
            }
            absoluteEntries.push(entry);
        }),
        addRelativeTo: () => ((middleware, options) => {
            const { name, override, aliases: _aliases } = options;
            const entry = {
                middleware,
                ...options,
            };
            const aliases = getAllAliases(name, _aliases);
            if (aliases.length > 0) {
                if (aliases.some((alias) => entriesNameSet.has(alias))) {
                    if (!override) {
                        throw new Error(`Duplicate middleware name '${getMiddlewareNameWithAliases(name, _aliases)}'`);
                    }
                    for (const alias of aliases) {
                        const toOverrideIndex = relativeEntries.findIndex((entry) => entry.name === alias || entry.aliases?.some((a) => a === alias));
                        if (toOverrideIndex === -1) {
                            continue;
                        }
                        const toOverride = relativeEntries[toOverrideIndex];
                        if (toOverride.toMiddleware !== entry.toMiddleware || toOverride.relation !== entry.relation) {
                            throw new Error(`"${getMiddlewareNameWithAliases(toOverride.name, toOverride.aliases)}" middleware ` +
                                `${toOverride.relation} "${toOverride.toMiddleware}" middleware cannot be overridden ` +
                                `by "${getMiddlewareNameWithAliases(name, _aliases)}" middleware ${entry.relation} ` +
                                `"${entry.toMiddleware}" middleware.`);
                        }
                        relativeEntries.splice(toOverrideIndex, 1);
                    }
                }
                for (const alias of aliases) {
                    entriesNameSet.add(alias);
                }
            }
            relativeEntries.push(entry);
        }),
        clone: () => (() => cloneTo(constructStack())),
        use: () => ((plugin) => {
            plugin.applyToStack(stack);
        }),
        remove: () => ((toRemove) => {
            if (typeof toRemove === "string") {
                return removeByName(toRemove);
            }
            else {
                return removeByReference(toRemove);
            }
        }),
        removeByTag: () => ((toRemove) => {
            let isRemoved = false;
            const filterCb = (entry) => {
                const { tags, name, aliases: _aliases } = entry;
                if (tags && tags.includes(toRemove)) {
                    const aliases = getAllAliases(name, _aliases);
                    for (const alias of aliases) {
                        entriesNameSet.delete(alias);
                    }
                    isRemoved = true;
                    return false;
                }
                return true;
            };
            absoluteEntries = absoluteEntries.filter(filterCb);
            relativeEntries = relativeEntries.filter(filterCb);
            return isRemoved;
        }),
        concat: () => ((from) => {
            const cloned = cloneTo(constructStack());
            cloned.use(from);
            cloned.identifyOnResolve(identifyOnResolve || cloned.identifyOnResolve() || (from.identifyOnResolve?.() ?? false));
            return cloned;
        }),
        cloneTo: () => ((toStack) => {
        absoluteEntries.forEach((entry) => {
            toStack.add(entry.middleware, { ...entry });
        });
        relativeEntries.forEach((entry) => {
            toStack.addRelativeTo(entry.middleware, { ...entry });
        });
        toStack.identifyOnResolve?.(stack.identifyOnResolve());
        return toStack;
    }),
        identify: () => (() => {
            return getMiddlewareList(true).map((mw) => {
                const step = mw.step ??
                    mw.relation +
                        " " +
                        mw.toMiddleware;
                return getMiddlewareNameWithAliases(mw.name, mw.aliases) + " - " + step;
            });
        }),
        identifyOnResolve: () => (({ identifyOnResolve(toggle) {
            if (typeof toggle === "boolean") {
                identifyOnResolve = toggle;
            }
            return identifyOnResolve;
        } }).identifyOnResolve),
        resolve: () => ((handler, context) => {
            for (const middleware of getMiddlewareList()
                .map((entry) => entry.middleware)
                .reverse()) {
                handler = middleware(handler, context);
            }
            if (identifyOnResolve) {
                console.log(stack.identify());
            }
            return handler;
        }),
        removeByName: () => ((toRemove) => {
        let isRemoved = false;
        const filterCb = (entry) => {
            const aliases = getAllAliases(entry.name, entry.aliases);
            if (aliases.includes(toRemove)) {
                isRemoved = true;
                for (const alias of aliases) {
                    entriesNameSet.delete(alias);
                }
                return false;
            }
            return true;
        };
        absoluteEntries = absoluteEntries.filter(filterCb);
        relativeEntries = relativeEntries.filter(filterCb);
        return isRemoved;
    }),
        removeByReference: () => ((toRemove) => {
        let isRemoved = false;
        const filterCb = (entry) => {
            if (entry.middleware === toRemove) {
                isRemoved = true;
                for (const alias of getAllAliases(entry.name, entry.aliases)) {
                    entriesNameSet.delete(alias);
                }
                return false;
            }
            return true;
        };
        absoluteEntries = absoluteEntries.filter(filterCb);
        relativeEntries = relativeEntries.filter(filterCb);
        return isRemoved;
    }),
        getMiddlewareList: () => ((debug = false) => {
        const normalizedAbsoluteEntries = [];
        const normalizedRelativeEntries = [];
        const normalizedEntriesNameMap = {};
        absoluteEntries.forEach((entry) => {
            const normalizedEntry = {
                ...entry,
                before: [],
                after: [],
            };
            for (const alias of getAllAliases(normalizedEntry.name, normalizedEntry.aliases)) {
                normalizedEntriesNameMap[alias] = normalizedEntry;
            }
            normalizedAbsoluteEntries.push(normalizedEntry);
        });
        relativeEntries.forEach((entry) => {
            const normalizedEntry = {
                ...entry,
                before: [],
                after: [],
            };
            for (const alias of getAllAliases(normalizedEntry.name, normalizedEntry.aliases)) {
                normalizedEntriesNameMap[alias] = normalizedEntry;
            }
            normalizedRelativeEntries.push(normalizedEntry);
        });
        normalizedRelativeEntries.forEach((entry) => {
            if (entry.toMiddleware) {
                const toMiddleware = normalizedEntriesNameMap[entry.toMiddleware];
                if (toMiddleware === undefined) {
                    if (debug) {
                        return;
                    }
                    throw new Error(`${entry.toMiddleware} is not found when adding ` +
                        `${getMiddlewareNameWithAliases(entry.name, entry.aliases)} ` +
                        `middleware ${entry.relation} ${entry.toMiddleware}`);
                }
                if (entry.relation === "after") {
                    toMiddleware.after.push(entry);
                }
                if (entry.relation === "before") {
                    toMiddleware.before.push(entry);
                }
            }
        });
        const mainChain = sort(normalizedAbsoluteEntries)
            .map(expandRelativeMiddlewareList)
            .reduce((wholeList, expandedMiddlewareList) => {
            wholeList.push(...expandedMiddlewareList);
            return wholeList;
        }, []);
        return mainChain;
    }),
        expandRelativeMiddlewareList: () => ((from) => {
        const expandedMiddlewareList = [];
        from.before.forEach((entry) => {
            if (entry.before.length === 0 && entry.after.length === 0) {
                expandedMiddlewareList.push(entry);
            }
            else {
                expandedMiddlewareList.push(...expandRelativeMiddlewareList(entry));
            }
        });
        expandedMiddlewareList.push(from);
        from.after.reverse().forEach((entry) => {
            if (entry.before.length === 0 && entry.after.length === 0) {
                expandedMiddlewareList.push(entry);
            }
            else {
                expandedMiddlewareList.push(...expandRelativeMiddlewareList(entry));
            }
        });
        return expandedMiddlewareList;
    })
      };
    }
  };
}
function mk_closure_scope_12($0, $1, $2, $3, $4, $5, $6) {
  const validate = $0, HttpRequest = $1, setFeature = $2, S3_EXPRESS_AUTH_SCHEME = "sigv4-s3express", S3_EXPRESS_BACKEND = "S3Express", S3_EXPRESS_BUCKET_TYPE = "Directory", SESSION_TOKEN_HEADER = "x-amz-s3session-token", defaultErrorHandler = $3, defaultSuccessHandler = $4, getSmithyContext = $5, signS3Express = $6;
  return {
    mk_block_scope: ($0) => {
      const CreateSessionCommandCtor = $0;
      let s3ClientProvider;
      return {
        $set: { s3ClientProvider($) { s3ClientProvider = $; } },
        createSessionFn: () => (async (key) => s3ClientProvider().send(new CreateSessionCommandCtor({
                Bucket: key,
            })))
      };
    },
    mk_validateBucketNameMiddleware_scope: () => {
      const bucketEndpoint = false;
      return {
        middleware_9: () => ((next) => async (args) => {
        const { input: { Bucket }, } = args;
        if (!bucketEndpoint && typeof Bucket === "string" && !validate(Bucket) && Bucket.indexOf("/") >= 0) {
            const err = new Error(`Bucket name shouldn't contain '/', received '${Bucket}'`);
            err.name = "InvalidBucketName";
            throw err;
        }
        return next({ ...args });
    })
      };
    },
    mk_addExpectContinueMiddleware_scope: ($0) => {
      const options = $0;
      return {
        middleware_10: () => ((next) => async (args) => {
        const { request } = args;
        if (options.expectContinueHeader !== false &&
            HttpRequest.isInstance(request) &&
            request.body &&
            options.runtime === "node" &&
            options.requestHandler?.constructor?.name !== "FetchHttpHandler") {
            let sendHeader = true;
            if (typeof options.expectContinueHeader === "number") {
                try {
                    const bodyLength = Number(request.headers?.["content-length"]) ?? options.bodyLengthChecker?.(request.body) ?? Infinity;
                    sendHeader = bodyLength >= options.expectContinueHeader;
                }
                catch (e) { }
            }
            else {
                sendHeader = !!options.expectContinueHeader;
            }
            if (sendHeader) {
                request.headers.Expect = "100-continue";
            }
        }
        return next({
            ...args,
            request,
        });
    })
      };
    },
    mk_regionRedirectMiddleware_scope: ($0) => {
      const clientConfig = $0;
      return {
        middleware_11: () => ((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (err) {
            if (clientConfig.followRegionRedirects) {
                const statusCode = err?.$metadata?.httpStatusCode;
                const isHeadBucket = context.commandName === "HeadBucketCommand";
                const bucketRegionHeader = err?.$response?.headers?.["x-amz-bucket-region"];
                if (bucketRegionHeader) {
                    if (statusCode === 301 ||
                        (statusCode === 400 && (err?.name === "IllegalLocationConstraintException" || isHeadBucket))) {
                        try {
                            const actualRegion = bucketRegionHeader;
                            context.logger?.debug(`Redirecting from ${await clientConfig.region()} to ${actualRegion}`);
                            context.__s3RegionRedirect = actualRegion;
                            setFeature(context, "S3_REGION_REDIRECT", "Ah");
                        }
                        catch (e) {
                            throw new Error("Region redirect failed: " + e);
                        }
                        return next(args);
                    }
                }
            }
            throw err;
        }
    })
      };
    },
    mk_s3ExpressMiddleware_scope: ($0) => {
      const options = $0;
      return {
        middleware_12: () => ((next, context) => async (args) => {
        if (context.endpointV2) {
            const endpoint = context.endpointV2;
            const isS3ExpressAuth = endpoint.properties?.authSchemes?.[0]?.name === S3_EXPRESS_AUTH_SCHEME;
            const isS3ExpressBucket = endpoint.properties?.backend === S3_EXPRESS_BACKEND ||
                endpoint.properties?.bucketType === S3_EXPRESS_BUCKET_TYPE;
            if (isS3ExpressBucket) {
                setFeature(context, "S3_EXPRESS_BUCKET", "J");
                context.isS3ExpressBucket = true;
            }
            if (isS3ExpressAuth) {
                const requestBucket = args.input.Bucket;
                if (requestBucket) {
                    const s3ExpressIdentity = await options.s3ExpressIdentityProvider.getS3ExpressIdentity(await options.credentials(), {
                        Bucket: requestBucket,
                    });
                    context.s3ExpressIdentity = s3ExpressIdentity;
                    if (HttpRequest.isInstance(args.request) && s3ExpressIdentity.sessionToken) {
                        args.request.headers[SESSION_TOKEN_HEADER] = s3ExpressIdentity.sessionToken;
                    }
                }
            }
        }
        return next(args);
    })
      };
    },
    mk_bucketEndpointMiddleware$1_scope: ($0) => {
      const options = $0;
      return {
        middleware_14: () => ((next, context) => async (args) => {
        if (options.bucketEndpoint) {
            const endpoint = context.endpointV2;
            if (endpoint) {
                const bucket = args.input.Bucket;
                if (typeof bucket === "string") {
                    try {
                        const bucketEndpointUrl = new URL(bucket);
                        context.endpointV2 = {
                            ...endpoint,
                            url: bucketEndpointUrl,
                        };
                    }
                    catch (e) {
                        const warning = `@aws-sdk/middleware-sdk-s3: bucketEndpoint=true was set but Bucket=${bucket} could not be parsed as URL.`;
                        if (context.logger?.constructor?.name === "NoOpLogger") {
                            console.warn(warning);
                        }
                        else {
                            context.logger?.warn?.(warning);
                        }
                        throw e;
                    }
                }
            }
        }
        return next(args);
    })
      };
    },
    mk_regionRedirectEndpointMiddleware_scope: ($0) => {
      const config = $0;
      return {
        middleware_15: () => ((next, context) => async (args) => {
        const originalRegion = await config.region();
        const regionProviderRef = config.region;
        let unlock = () => { };
        if (context.__s3RegionRedirect) {
            Object.defineProperty(config, "region", {
                writable: false,
                value: async () => {
                    return context.__s3RegionRedirect;
                },
            });
            unlock = () => Object.defineProperty(config, "region", {
                writable: true,
                value: regionProviderRef,
            });
        }
        try {
            const result = await next(args);
            if (context.__s3RegionRedirect) {
                unlock();
                const region = await config.region();
                if (originalRegion !== region) {
                    throw new Error("Region was not restored following S3 region redirect.");
                }
            }
            return result;
        }
        catch (e) {
            unlock();
            throw e;
        }
    })
      };
    },
    mk_s3ExpressHttpSigningMiddleware_scope: ($0) => {
      const config = $0;
      return {
        middleware_16: () => ((next, context) => async (args) => {
    if (!HttpRequest.isInstance(args.request)) {
        return next(args);
    }
    const smithyContext = getSmithyContext(context);
    const scheme = smithyContext.selectedHttpAuthScheme;
    if (!scheme) {
        throw new Error(`No HttpAuthScheme was selected: unable to sign request`);
    }
    const { httpAuthOption: { signingProperties = {} }, identity, signer, } = scheme;
    let request;
    if (context.s3ExpressIdentity) {
        request = await signS3Express(context.s3ExpressIdentity, signingProperties, args.request, await config.signer());
    }
    else {
        request = await signer.sign(args.request, identity, signingProperties);
    }
    const output = await next({
        ...args,
        request,
    }).catch((signer.errorHandler || defaultErrorHandler)(signingProperties));
    (signer.successHandler || defaultSuccessHandler)(output.response, signingProperties);
    return output;
})
      };
    }
  };
}
function mk_closure_scope_10($0, $1, $2, $3) {
  const CredentialsProviderError = $0, ENV_KEY = "AWS_ACCESS_KEY_ID", ENV_PROFILE = "AWS_PROFILE", ENV_SECRET = "AWS_SECRET_ACCESS_KEY", fromEnv = $1, require = $2, ENV_IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED", chain = $3;
  let multipleCredentialSourceWarningEmitted = false, remoteProvider;
  return {
    $set: { remoteProvider($) { remoteProvider = $; } },
    remoteProvider: () => (async (init) => {
    const { ENV_CMDS_FULL_URI, ENV_CMDS_RELATIVE_URI, fromContainerMetadata, fromInstanceMetadata } = require('@smithy/credential-provider-imds');
    if (process.env[ENV_CMDS_RELATIVE_URI] || process.env[ENV_CMDS_FULL_URI]) {
        init.logger?.debug("@aws-sdk/credential-provider-node - remoteProvider::fromHttp/fromContainerMetadata");
        const { fromHttp } = require('@aws-sdk/credential-provider-http');
        return chain(fromHttp(init), fromContainerMetadata(init));
    }
    if (process.env[ENV_IMDS_DISABLED] && process.env[ENV_IMDS_DISABLED] !== "false") {
        return async () => {
            throw new CredentialsProviderError("EC2 Instance Metadata Service access disabled", { logger: init.logger });
        };
    }
    init.logger?.debug("@aws-sdk/credential-provider-node - remoteProvider::fromInstanceMetadata");
    return fromInstanceMetadata(init);
}),
    mk_memoizeChain_scope: ($0, $1) => {
      const chain = $0, treatAsExpired = $1;
      let activeLock = undefined, credentials = undefined, forceRefreshLock = undefined, passiveLock = undefined, provider;
      return {
        $set: { provider($) { provider = $; } },
        provider_14: () => (async (options) => {
        if (options?.forceRefresh) {
            if (!forceRefreshLock) {
                forceRefreshLock = chain(options)
                    .then((c) => {
                    credentials = c;
                })
                    .finally(() => {
                    forceRefreshLock = undefined;
                });
            }
            await forceRefreshLock;
            return credentials;
        }
        if (credentials?.expiration) {
            if (credentials?.expiration?.getTime() < Date.now()) {
                credentials = undefined;
            }
        }
        if (activeLock) {
            await activeLock;
        }
        else if (!credentials || treatAsExpired?.(credentials)) {
            if (credentials) {
                if (!passiveLock) {
                    passiveLock = chain(options)
                        .then((c) => {
                        credentials = c;
                    })
                        .catch(() => {
                    })
                        .finally(() => {
                        passiveLock = undefined;
                    });
                }
            }
            else {
                activeLock = chain(options)
                    .then((c) => {
                    credentials = c;
                })
                    .finally(() => {
                    activeLock = undefined;
                });
                return provider(options);
            }
        }
        return credentials;
    })
      };
    },
    mk_internalCreateChain_scope: ($0) => {
      const providers = $0;
      return {
        chain_2: () => (async (awsIdentityProperties) => {
    let lastProviderError;
    for (const provider of providers) {
        try {
            return await provider(awsIdentityProperties);
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
})
      };
    },
    mk_defaultProvider_scope: ($0) => {
      const init = $0;
      return {
        _0_89: () => (async () => {
        const profile = init.profile ?? process.env[ENV_PROFILE];
        if (profile) {
            const envStaticCredentialsAreSet = process.env[ENV_KEY] && process.env[ENV_SECRET];
            if (envStaticCredentialsAreSet) {
                if (!multipleCredentialSourceWarningEmitted) {
                    const warnFn = init.logger?.warn && init.logger?.constructor?.name !== "NoOpLogger"
                        ? init.logger.warn.bind(init.logger)
                        : console.warn;
                    warnFn(`@aws-sdk/credential-provider-node - defaultProvider::fromEnv WARNING:
    Multiple credential sources detected: 
    Both AWS_PROFILE and the pair AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY static credentials are set.
    This SDK will proceed with the AWS_PROFILE value.
    
    However, a future version may change this behavior to prefer the ENV static credentials.
    Please ensure that your environment only sets either the AWS_PROFILE or the
    AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair.
`);
                    multipleCredentialSourceWarningEmitted = true;
                }
            }
            throw new CredentialsProviderError("AWS_PROFILE is set, skipping fromEnv provider.", {
                logger: init.logger,
                tryNextLink: true,
            });
        }
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromEnv");
        return fromEnv(init)();
    }),
        _1_98: () => (async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromSSO");
        const { ssoStartUrl, ssoAccountId, ssoRegion, ssoRoleName, ssoSession } = init;
        if (!ssoStartUrl && !ssoAccountId && !ssoRegion && !ssoRoleName && !ssoSession) {
            throw new CredentialsProviderError("Skipping SSO provider in default chain (inputs do not include SSO fields).", { logger: init.logger });
        }
        const { fromSSO } = require('@aws-sdk/credential-provider-sso');
        return fromSSO(init)(awsIdentityProperties);
    }),
        _2_15: () => (async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromIni");
        const { fromIni } = require('@aws-sdk/credential-provider-ini');
        return fromIni(init)(awsIdentityProperties);
    }),
        _3_3: () => (async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromProcess");
        const { fromProcess } = require('@aws-sdk/credential-provider-process');
        return fromProcess(init)(awsIdentityProperties);
    }),
        _4_3: () => (async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromTokenFile");
        const { fromTokenFile } = require('@aws-sdk/credential-provider-web-identity');
        return fromTokenFile(init)(awsIdentityProperties);
    }),
        _5_3: () => (async () => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::remoteProvider");
        return (await remoteProvider(init))();
    }),
        _6_3: () => (async () => {
        throw new CredentialsProviderError("Could not load credentials from any providers", {
            tryNextLink: false,
            logger: init.logger,
        });
    })
      };
    }
  };
}
function mk_closure_scope_2($0, $1, $2) {
  const NormalizedSchema = $0, TypeRegistry = $1, decorateServiceException = $2;
  return {
    ProtocolLib: () => (class ProtocolLib {
    queryCompat;
    errorRegistry;
    constructor(queryCompat = false) {
        this.queryCompat = queryCompat;
    }
    resolveRestContentType(defaultContentType, inputSchema) {
        const members = inputSchema.getMemberSchemas();
        const httpPayloadMember = Object.values(members).find((m) => {
            return !!m.getMergedTraits().httpPayload;
        });
        if (httpPayloadMember) {
            const mediaType = httpPayloadMember.getMergedTraits().mediaType;
            if (mediaType) {
                return mediaType;
            }
            else if (httpPayloadMember.isStringSchema()) {
                return "text/plain";
            }
            else if (httpPayloadMember.isBlobSchema()) {
                return "application/octet-stream";
            }
            else {
                return defaultContentType;
            }
        }
        else if (!inputSchema.isUnitSchema()) {
            const hasBody = Object.values(members).find((m) => {
                const { httpQuery, httpQueryParams, httpHeader, httpLabel, httpPrefixHeaders } = m.getMergedTraits();
                const noPrefixHeaders = httpPrefixHeaders === void 0;
                return !httpQuery && !httpQueryParams && !httpHeader && !httpLabel && noPrefixHeaders;
            });
            if (hasBody) {
                return defaultContentType;
            }
        }
    }
    async getErrorSchemaOrThrowBaseException(errorIdentifier, defaultNamespace, response, dataObject, metadata, getErrorSchema) {
        let errorName = errorIdentifier;
        if (errorIdentifier.includes("#")) {
            [, errorName] = errorIdentifier.split("#");
        }
        const errorMetadata = {
            $metadata: metadata,
            $fault: response.statusCode < 500 ? "client" : "server",
        };
        if (!this.errorRegistry) {
            throw new Error("@aws-sdk/core/protocols - error handler not initialized.");
        }
        try {
            const errorSchema = getErrorSchema?.(this.errorRegistry, errorName) ??
                this.errorRegistry.getSchema(errorIdentifier);
            return { errorSchema, errorMetadata };
        }
        catch (e) {
            dataObject.message = dataObject.message ?? dataObject.Message ?? "UnknownError";
            const synthetic = this.errorRegistry;
            const baseExceptionSchema = synthetic.getBaseException();
            if (baseExceptionSchema) {
                const ErrorCtor = synthetic.getErrorCtor(baseExceptionSchema) ?? Error;
                throw this.decorateServiceException(Object.assign(new ErrorCtor({ name: errorName }), errorMetadata), dataObject);
            }
            const d = dataObject;
            const message = d?.message ?? d?.Message ?? d?.Error?.Message ?? d?.Error?.message;
            throw this.decorateServiceException(Object.assign(new Error(message), {
                name: errorName,
            }, errorMetadata), dataObject);
        }
    }
    compose(composite, errorIdentifier, defaultNamespace) {
        let namespace = defaultNamespace;
        if (errorIdentifier.includes("#")) {
            [namespace] = errorIdentifier.split("#");
        }
        const staticRegistry = TypeRegistry.for(namespace);
        const defaultSyntheticRegistry = TypeRegistry.for("smithy.ts.sdk.synthetic." + defaultNamespace);
        composite.copyFrom(staticRegistry);
        composite.copyFrom(defaultSyntheticRegistry);
        this.errorRegistry = composite;
    }
    decorateServiceException(exception, additions = {}) {
        if (this.queryCompat) {
            const msg = exception.Message ?? additions.Message;
            const error = decorateServiceException(exception, additions);
            if (msg) {
                error.message = msg;
            }
            const errorObj = error.Error ?? {};
            errorObj.Type = error.Error?.Type;
            errorObj.Code = error.Error?.Code;
            errorObj.Message = error.Error?.message ?? error.Error?.Message ?? msg;
            error.Error = errorObj;
            const reqId = error.$metadata.requestId;
            if (reqId) {
                error.RequestId = reqId;
            }
            return error;
        }
        return decorateServiceException(exception, additions);
    }
    setQueryCompatError(output, response) {
        const queryErrorHeader = response.headers?.["x-amzn-query-error"];
        if (output !== undefined && queryErrorHeader != null) {
            const [Code, Type] = queryErrorHeader.split(";");
            const keys = Object.keys(output);
            const Error = {
                Code,
                Type,
            };
            output.Code = Code;
            output.Type = Type;
            for (let i = 0; i < keys.length; i++) {
                const k = keys[i];
                Error[k === "message" ? "Message" : k] = output[k];
            }
            delete Error.__type;
            output.Error = Error;
        }
    }
    queryCompatOutput(queryCompatErrorData, errorData) {
        if (queryCompatErrorData.Error) {
            errorData.Error = queryCompatErrorData.Error;
        }
        if (queryCompatErrorData.Type) {
            errorData.Type = queryCompatErrorData.Type;
        }
        if (queryCompatErrorData.Code) {
            errorData.Code = queryCompatErrorData.Code;
        }
    }
    findQueryCompatibleError(registry, errorName) {
        try {
            return registry.getSchema(errorName);
        }
        catch (e) {
            return registry.find((schema) => NormalizedSchema.of(schema).getMergedTraits().awsQueryError?.[0] === errorName);
        }
    }
})
  };
}
function mk_closure_scope_5($0) {
  const require = $0;
  let hAgent = undefined, hRequest = undefined;
  return {
    mk_resolveDefaultConfig_scope: () => {
      const httpAgent = undefined, keepAlive = true, maxSockets = 50;
      let httpAgentPromise = undefined;
      return {
        httpAgentProvider: function () { return (() => (httpAgentPromise ??= (async () => {
                const node_http = require('node:http');
                const { Agent, request } = node_http.default ?? node_http;
                hRequest = request;
                hAgent = Agent;
                if (httpAgent instanceof hAgent || typeof httpAgent?.destroy === "function") {
                    this.externalAgent = true;
                    return httpAgent;
                }
                return new hAgent({ keepAlive, maxSockets, ...httpAgent });
            })())); }
      };
    }
  };
}
function mk_closure_scope_13($0, $1, $2, $3, $4) {
  const getSmithyContext = $0, operation = $1, toEndpointV1 = $2, HttpResponse = $3, findHeader = $4;
  return {
    mk_schemaSerializationMiddleware_scope: ($0) => {
      const config = $0;
      return {
        middleware: () => ((next, context) => async (args) => {
    const { operationSchema } = getSmithyContext(context);
    const [, ns, n, t, i, o] = operationSchema ?? [];
    const endpoint = context.endpointV2
        ? async () => toEndpointV1(context.endpointV2)
        : config.endpoint;
    const request = await config.protocol.serializeRequest(operation(ns, n, t, i, o), args.input, {
        ...config,
        ...context,
        endpoint,
    });
    return next({
        ...args,
        request,
    });
})
      };
    },
    mk_schemaDeserializationMiddleware_scope: ($0) => {
      const config = $0;
      return {
        middleware_2: () => ((next, context) => async (args) => {
    const { response } = await next(args);
    const { operationSchema } = getSmithyContext(context);
    const [, ns, n, t, i, o] = operationSchema ?? [];
    try {
        const parsed = await config.protocol.deserializeResponse(operation(ns, n, t, i, o), {
            ...config,
            ...context,
        }, response);
        return {
            response,
            output: parsed,
        };
    }
    catch (error) {
        Object.defineProperty(error, "$response", {
            value: response,
            enumerable: false,
            writable: false,
            configurable: false,
        });
        if (!("$metadata" in error)) {
            const hint = `Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`;
            try {
                error.message += "\n  " + hint;
            }
            catch (ignored) {
                if (!context.logger || context.logger?.constructor?.name === "NoOpLogger") {
                    console.warn(hint);
                }
                else {
                    context.logger?.warn?.(hint);
                }
            }
            if (typeof error.$responseBodyText !== "undefined") {
                if (error.$response) {
                    error.$response.body = error.$responseBodyText;
                }
            }
            try {
                if (HttpResponse.isInstance(response)) {
                    const { headers = {}, statusCode } = response;
                    const headerEntries = Object.entries(headers);
                    error.$metadata = {
                        httpStatusCode: statusCode,
                        requestId: findHeader(/^x-[\w-]+-request-?id$/, headerEntries),
                        extendedRequestId: findHeader(/^x-[\w-]+-id-2$/, headerEntries),
                        cfId: findHeader(/^x-[\w-]+-cf-id$/, headerEntries),
                    };
                }
            }
            catch (ignored) {
            }
        }
        throw error;
    }
})
      };
    }
  };
}
function mk_closure_scope_15($0) {
  const CONTENT_LENGTH_HEADER = "content-length", HttpRequest = $0;
  return {
    mk_contentLengthMiddleware_scope: ($0) => {
      const bodyLengthChecker = $0;
      return {
        middleware_5: () => ((next) => async (args) => {
        const request = args.request;
        if (HttpRequest.isInstance(request)) {
            const { body, headers } = request;
            if (body &&
                Object.keys(headers)
                    .map((str) => str.toLowerCase())
                    .indexOf(CONTENT_LENGTH_HEADER) === -1) {
                try {
                    const length = bodyLengthChecker(body);
                    if (length != null) {
                        request.headers = {
                            ...request.headers,
                            [CONTENT_LENGTH_HEADER]: String(length),
                        };
                    }
                }
                catch (ignored) {
                }
            }
        }
        return next({
            ...args,
            request,
        });
    })
      };
    }
  };
}
function mk_closure_scope_17($0, $1, $2) {
  const convertHttpAuthSchemesToMap = $0, getSmithyContext = $1, resolveAuthOptions = $2;
  return {
    mk_httpAuthSchemeMiddleware_scope: ($0, $1) => {
      const config = $0, mwOptions = $1;
      return {
        middleware_13: () => ((next, context) => async (args) => {
    const options = config.httpAuthSchemeProvider(await mwOptions.httpAuthSchemeParametersProvider(config, context, args.input));
    const authSchemePreference = config.authSchemePreference ? await config.authSchemePreference() : [];
    const resolvedOptions = resolveAuthOptions(options, authSchemePreference);
    const authSchemes = convertHttpAuthSchemesToMap(config.httpAuthSchemes);
    const smithyContext = getSmithyContext(context);
    const failureReasons = [];
    for (const option of resolvedOptions) {
        const scheme = authSchemes.get(option.schemeId);
        if (!scheme) {
            failureReasons.push(`HttpAuthScheme \`${option.schemeId}\` was not enabled for this service.`);
            continue;
        }
        const identityProvider = scheme.identityProvider(await mwOptions.identityProviderConfigProvider(config));
        if (!identityProvider) {
            failureReasons.push(`HttpAuthScheme \`${option.schemeId}\` did not have an IdentityProvider configured.`);
            continue;
        }
        const { identityProperties = {}, signingProperties = {} } = option.propertiesExtractor?.(config, context) || {};
        option.identityProperties = Object.assign(option.identityProperties || {}, identityProperties);
        option.signingProperties = Object.assign(option.signingProperties || {}, signingProperties);
        smithyContext.selectedHttpAuthScheme = {
            httpAuthOption: option,
            identity: await identityProvider(option.identityProperties),
            signer: scheme.signer,
        };
        break;
    }
    if (!smithyContext.selectedHttpAuthScheme) {
        throw new Error(failureReasons.join("\n"));
    }
    return next(args);
})
      };
    }
  };
}
const PutObjectCommand = aws_sdk_client_s3.PutObjectCommand;
const Prototype = aws_sdk_client_s3.S3Client.prototype;
const base64Decoder = smithy_core_serde.fromBase64;
const base64Encoder = smithy_core_serde.toBase64;
const Prototype_2 = smithy_core_endpoints.BinaryDecisionDiagram.prototype;
const nodes = new Int32Array(1659);
new Uint8Array(nodes.buffer).set(Buffer.from("/////wEAAAD/////AAAAAAMAAABz4fUFAQAAAKgBAAAEAAAAAgAAABABAAAFAAAAAwAAAOkAAAAGAAAABAAAAFUAAAAHAAAABQAAAA8AAAAIAAAACAAAAAkAAABz4fUFEAAAAAoAAAANAAAAEgAAAAsAAAANAAAAEwAAAAwAAAANAAAAFgAAAA7h9QUNAAAAIwAAAA4AAAAq4fUFJAAAAGfh9QWzAQAABgAAAA8BAAAQAAAABwAAAA4BAAARAAAACAAAABMAAAASAAAADgAAAPUBAABqAAAACQAAABQAAAAYAAAACgAAABUAAAAYAAAACwAAABYAAAAYAAAADAAAABcAAAAYAAAADQAAACMCAAAYAAAADgAAAE0AAAAZAAAAFAAAAEkAAAAaAAAAGgAAABsAAABOAAAAJQAAABwAAABW4fUFJgAAAFbh9QUdAAAAJwAAAC8AAAAeAAAAMAAAADrh9QUfAAAAMgAAACAAAABV4fUFMwAAACEAAACIAAAANwAAAEzh9QUiAAAAOwAAACMAAABU4fUFPAAAACcAAAAkAAAAPQAAACUAAABT4fUFPgAAACYAAACSAAAAPwAAACkAAAAu4fUFPQAAACgAAABT4fUFPgAAACkAAACWAAAAQAAAACoAAAA24fUFQgAAACsAAAA14fUFRgAAACwAAAA04fUFRwAAAC0AAABR4fUFSQAAAC4AAABQ4fUFSgAAAE7h9QVP4fUFKAAAADAAAAA54fUFKQAAADnh9QUxAAAAKgAAALkAAAAyAAAAMAAAAD4AAAAzAAAAMQAAAC3h9QU0AAAAMwAAADUAAAAOAgAAPAAAADgAAAA2AAAAPgAAADfh9QU3AAAAPwAAADkAAAAu4fUFPgAAADfh9QU5AAAAQAAAADoAAAA24fUFQgAAADsAAAA14fUFRQAAADwAAABB4fUFRgAAAD0AAAA04fUFSAAAAEDh9QUz4fUFMQAAAC3h9QU/AAAAMwAAAEAAAAAOAgAAPAAAAEMAAABBAAAAPgAAADfh9QVCAAAAPwAAAEQAAAAu4fUFPgAAADfh9QVEAAAAQAAAAEUAAAA24fUFQgAAAEYAAAA14fUFRAAAAC/h9QVHAAAARgAAAEgAAAA04fUFSAAAADLh9QUz4fUFGQAAAEoAAAAq4fUFLgAAACfh9QVLAAAAOQAAAEwAAAAp4fUFOgAAACjh9QUp4fUFGgAAAFjh9QVOAAAAHAAAAFfh9QVPAAAAIgAAAFIAAABQAAAAIwAAAFEAAAAhAgAAJAAAAGfh9QVz4fUFLgAAAGHh9QVTAAAAOQAAAFQAAABj4fUFOgAAAGLh9QVj4fUFBQAAAGUAAABWAAAACAAAAFcAAABz4fUFEAAAAFgAAABZAAAAEgAAAFsAAABZAAAAEwAAAFoAAABcAAAAFQAAAGEAAABfAAAAEwAAAF0AAABcAAAAFQAAAGIAAABfAAAAFQAAAGEAAABeAAAAFgAAAA7h9QVfAAAAIwAAAGAAAAAq4fUFJAAAAGfh9QUq4fUFFgAAAA3h9QViAAAAIwAAAGMAAAAq4fUFJAAAAGXh9QVkAAAALgAAAG7h9QVv4fUFBgAAANYAAABmAAAABwAAANAAAABnAAAACAAAAHcAAABoAAAADgAAAHYAAABpAAAAFQAAAGoAAAAX4fUFGgAAAGsAAAD2AQAAJQAAAGwAAABW4fUFJgAAAFbh9QVtAAAAJwAAAHAAAABuAAAAMAAAADrh9QVvAAAAMgAAAIgAAABV4fUFKAAAAHEAAAA54fUFKQAAADnh9QVyAAAAKgAAAHMAAAD0AQAAMAAAADjh9QV0AAAANAAAAHUAAABI4fUFQQAAAEXh9QVI4fUFFQAAAPUBAAAX4fUFCQAAAHgAAAB8AAAACgAAAHkAAAB8AAAACwAAAHoAAAB8AAAADAAAAHsAAAB8AAAADQAAAMoAAAB8AAAADgAAAMMAAAB9AAAAFAAAAL4AAAB+AAAAFQAAAH8AAAAX4fUFFwAAAIAAAACBAAAAGAAAAL0AAACBAAAAGgAAAIIAAADFAAAAJQAAAIMAAABW4fUFJgAAAFbh9QWEAAAAJwAAAJ8AAACFAAAAMAAAADrh9QWGAAAAMgAAAIcAAABV4fUFMwAAAI0AAACIAAAANwAAAEzh9QWJAAAAOwAAAIoAAABU4fUFPAAAAFPh9QWLAAAAPQAAAIwAAABT4fUFPwAAAFPh9QUu4fUFNwAAAEzh9QWOAAAAOwAAAI8AAABU4fUFPAAAAJQAAACQAAAAPQAAAJEAAABT4fUFPgAAAJMAAACSAAAAPwAAAJYAAAAu4fUFPwAAAJkAAAAu4fUFPQAAAJUAAABT4fUFPgAAAJkAAACWAAAAQAAAAJcAAAA24fUFQgAAAJgAAAA14fUFRgAAAFLh9QU04fUFQAAAAJoAAAA24fUFQgAAAJsAAAA14fUFRgAAAJwAAAA04fUFRwAAAJ0AAABR4fUFSQAAAJ4AAABQ4fUFSgAAAE3h9QVP4fUFKAAAAKAAAAA54fUFKQAAADnh9QWhAAAAKgAAALkAAACiAAAAMAAAAK4AAACjAAAAMQAAAC3h9QWkAAAAMwAAAKUAAAAOAgAAPAAAAKgAAACmAAAAPgAAADfh9QWnAAAAPwAAAKkAAAAu4fUFPgAAADfh9QWpAAAAQAAAAKoAAAA24fUFQgAAAKsAAAA14fUFRQAAAKwAAABB4fUFRgAAAK0AAAA04fUFSAAAAD/h9QUz4fUFMQAAAC3h9QWvAAAAMwAAALAAAAAOAgAAPAAAALMAAACxAAAAPgAAADfh9QWyAAAAPwAAALQAAAAu4fUFPgAAADfh9QW0AAAAQAAAALUAAAA24fUFQgAAALYAAAA14fUFRAAAAC/h9QW3AAAARgAAALgAAAA04fUFSAAAADDh9QUz4fUFMAAAADjh9QW6AAAANAAAALsAAABI4fUFQQAAAEXh9QW8AAAAQwAAAEbh9QVH4fUFGQAAACTh9QUq4fUFFQAAAL8AAAAX4fUFGQAAAMAAAAAq4fUFHgAAAMIAAADBAAAALgAAACLh9QUk4fUFLgAAACHh9QUj4fUFFQAAAMQAAAAX4fUFGgAAAFjh9QXFAAAAHAAAAFfh9QXGAAAAIgAAAMkAAADHAAAAIwAAAMgAAAAhAgAAJAAAAGXh9QVz4fUFLgAAAF/h9QVg4fUFEQAAAMsAAAAW4fUFFAAAAMwAAAAV4fUFFQAAAM0AAAAmAgAAIQAAAM4AAAAmAgAALAAAABDh9QXPAAAALQAAABLh9QUU4fUFCAAAANEAAADXAAAAEAAAANIAAADcAAAAEgAAANMAAADcAAAAEwAAANQAAADgAAAAFAAAANUAAADjAAAAFQAAAOcAAACRAQAACAAAANoAAADXAAAAEwAAANgAAAAJ4fUFFAAAANkAAADjAAAAFQAAAOcAAAAJ4fUFEAAAANsAAADcAAAAEgAAAN8AAADcAAAAEwAAAN0AAADgAAAAFAAAAN4AAADjAAAAFQAAAOcAAAAM4fUFEwAAAOIAAADgAAAAFAAAAOEAAAAJ4fUFFQAAAAnh9QUM4fUFFAAAAOYAAADjAAAAFQAAAOQAAAAJ4fUFHgAAAOUAAAAJ4fUFIgAAAAfh9QUJ4fUFFQAAAOcAAACfAQAAHgAAAOgAAAAI4fUFIgAAAAfh9QUI4fUFBAAAAALh9QXqAAAABQAAAOsAAADgAQAABgAAAA8BAADsAAAABwAAAA4BAADtAAAACAAAAO4AAADrAQAACQAAAO8AAADzAAAACgAAAPAAAADzAAAACwAAAPEAAADzAAAADAAAAPIAAADzAAAADQAAACMCAADzAAAADgAAAAoBAAD0AAAAFAAAAAgBAAD1AAAAGgAAAPYAAAALAQAAJQAAAPcAAABW4fUFJgAAAFbh9QX4AAAAJwAAAPkAAAAGAgAAKAAAAPoAAAA54fUFKQAAADnh9QX7AAAAKgAAABoCAAD8AAAAMAAAACvh9QX9AAAAMQAAAC3h9QX+AAAAMwAAAP8AAAAOAgAAPAAAAAIBAAAAAQAAPgAAADfh9QUBAQAAPwAAAAMBAAAu4fUFPgAAADfh9QUDAQAAQAAAAAQBAAA24fUFQgAAAAUBAAA14fUFRQAAAAYBAABB4fUFRgAAAAcBAAA04fUFSAAAAD7h9QUz4fUFGQAAAAkBAAAq4fUFLgAAAB/h9QUg4fUFGgAAAFjh9QULAQAAHAAAAFfh9QUMAQAAIgAAAA0BAAAgAgAALgAAAF3h9QVe4fUFCAAAAI0BAAAJ4fUFCAAAAJcBAAAJ4fUFAwAAAFoBAAARAQAABAAAAAPh9QUSAQAABQAAABwBAAATAQAACAAAABQBAABz4fUFDwAAAAXh9QUVAQAAEAAAABYBAAAZAQAAEgAAABcBAAAZAQAAEwAAABgBAAAZAQAAFgAAAA7h9QUZAQAAIwAAABoBAAAq4fUFJAAAAGbh9QUbAQAALgAAAGrh9QVr4fUFBgAAAJUBAAAdAQAABwAAAIsBAAAeAQAACAAAACcBAAAfAQAADgAAAPUBAAAgAQAAGgAAACEBAAD2AQAAJQAAACIBAABW4fUFJgAAAFbh9QUjAQAAJwAAACQBAAAzAQAAKAAAACUBAAA54fUFKQAAADnh9QUmAQAAKgAAAE8BAAD0AQAACQAAACgBAAAsAQAACgAAACkBAAAsAQAACwAAACoBAAAsAQAADAAAACsBAAAsAQAADQAAAIoBAAAsAQAADgAAAFMBAAAtAQAADwAAAAXh9QUuAQAAFAAAAFEBAAAvAQAAGgAAADABAABVAQAAJQAAADEBAABW4fUFJgAAAFbh9QUyAQAAJwAAADUBAAAzAQAAMAAAADrh9QU0AQAAMgAAAErh9QVV4fUFKAAAADYBAAA54fUFKQAAADnh9QU3AQAAKgAAAE8BAAA4AQAAMAAAAEQBAAA5AQAAMQAAAC3h9QU6AQAAMwAAADsBAAAOAgAAPAAAAD4BAAA8AQAAPgAAADfh9QU9AQAAPwAAAD8BAAAu4fUFPgAAADfh9QU/AQAAQAAAAEABAAA24fUFQgAAAEEBAAA14fUFRQAAAEIBAABB4fUFRgAAAEMBAAA04fUFSAAAAD3h9QUz4fUFMQAAAC3h9QVFAQAAMwAAAEYBAAAOAgAAPAAAAEkBAABHAQAAPgAAADfh9QVIAQAAPwAAAEoBAAAu4fUFPgAAADfh9QVKAQAAQAAAAEsBAAA24fUFQgAAAEwBAAA14fUFRAAAAC/h9QVNAQAARgAAAE4BAAA04fUFSAAAADHh9QUz4fUFMAAAADjh9QVQAQAANAAAAEPh9QVI4fUFGQAAAFIBAAAq4fUFLgAAABvh9QUc4fUFDwAAAAXh9QVUAQAAGgAAAFjh9QVVAQAAHAAAAFfh9QVWAQAAIgAAAFkBAABXAQAAIwAAAFgBAAAhAgAAJAAAAGbh9QVz4fUFLgAAAFvh9QVc4fUFBAAAAALh9QVbAQAABQAAAGUBAABcAQAACAAAAF0BAABz4fUFDwAAAAXh9QVeAQAAEAAAAF8BAABiAQAAEgAAAGABAABiAQAAEwAAAGEBAABiAQAAFgAAAA7h9QViAQAAIwAAAGMBAAAq4fUFJAAAACvh9QVkAQAALgAAAGjh9QVp4fUFBgAAAJUBAABmAQAABwAAAIsBAABnAQAACAAAAGgBAADrAQAACQAAAGkBAABtAQAACgAAAGoBAABtAQAACwAAAGsBAABtAQAADAAAAGwBAABtAQAADQAAAIoBAABtAQAADgAAAIUBAABuAQAADwAAAAXh9QVvAQAAFAAAAIMBAABwAQAAGgAAAHEBAACHAQAAJQAAAHIBAABW4fUFJgAAAFbh9QVzAQAAJwAAAHQBAAAGAgAAKAAAAHUBAAA54fUFKQAAADnh9QV2AQAAKgAAABoCAAB3AQAAMAAAACvh9QV4AQAAMQAAAC3h9QV5AQAAMwAAAHoBAAAOAgAAPAAAAH0BAAB7AQAAPgAAADfh9QV8AQAAPwAAAH4BAAAu4fUFPgAAADfh9QV+AQAAQAAAAH8BAAA24fUFQgAAAIABAAA14fUFRQAAAIEBAABB4fUFRgAAAIIBAAA04fUFSAAAADzh9QUz4fUFGQAAAIQBAAAq4fUFLgAAABnh9QUa4fUFDwAAAAXh9QWGAQAAGgAAAFjh9QWHAQAAHAAAAFfh9QWIAQAAIgAAAIkBAAAgAgAALgAAAFnh9QVa4fUFDwAAAAXh9QUjAgAACAAAAIwBAAAJ4fUFDwAAAAXh9QWNAQAAEAAAAI4BAACaAQAAEgAAAI8BAACaAQAAEwAAAJABAACaAQAAFAAAAJEBAAAJ4fUFGwAAAJIBAAAM4fUFHQAAAAvh9QWTAQAAHwAAAAvh9QWUAQAAIAAAAAvh9QWmAQAACAAAAJYBAAAJ4fUFDwAAAAXh9QWXAQAAEAAAAJgBAACaAQAAEgAAAJkBAACaAQAAEwAAAJsBAACaAQAAFAAAAAzh9QUJ4fUFFAAAAJ4BAACcAQAAFgAAAJ0BAAAJ4fUFIgAAAArh9QUJ4fUFFgAAAKABAACfAQAAGwAAAKMBAAAM4fUFGwAAAKIBAAChAQAAIgAAAArh9QUM4fUFIgAAAArh9QWjAQAAKwAAAAvh9QWkAQAALwAAAAvh9QWlAQAANQAAAAvh9QWmAQAANgAAAAvh9QWnAQAAOAAAAAvh9QUM4fUFAgAAAAHh9QWpAQAAAwAAAN4BAACqAQAABAAAAATh9QWrAQAABQAAALYBAACsAQAACAAAAK0BAABz4fUFEAAAAK4BAACxAQAAEgAAAK8BAACxAQAAEwAAALABAACxAQAAFgAAAA7h9QWxAQAAIwAAALIBAAAq4fUFJAAAACzh9QWzAQAALgAAAHDh9QW0AQAAOQAAALUBAABy4fUFOgAAAHHh9QVy4fUFBgAAAAbh9QW3AQAABwAAAAbh9QW4AQAACAAAAMIBAAC5AQAADgAAAPUBAAC6AQAAGgAAALsBAAD2AQAAJQAAALwBAABW4fUFJgAAAFbh9QW9AQAAJwAAAL4BAADRAQAAKAAAAL8BAAA54fUFKQAAADnh9QXAAQAAKgAAANcBAADBAQAAMAAAACzh9QX0AQAACQAAAMMBAADHAQAACgAAAMQBAADHAQAACwAAAMUBAADHAQAADAAAAMYBAADHAQAADQAAACMCAADHAQAADgAAANkBAADIAQAADwAAAMwBAADJAQAAFAAAAMoBAADNAQAAGQAAAMsBAAAq4fUFLgAAACXh9QUm4fUFFAAAABwCAADNAQAAGgAAAM4BAADaAQAAJQAAAM8BAABW4fUFJgAAAFbh9QXQAQAAJwAAANMBAADRAQAAMAAAADrh9QXSAQAAMgAAAEvh9QVV4fUFKAAAANQBAAA54fUFKQAAADnh9QXVAQAAKgAAANcBAADWAQAAMAAAACzh9QUMAgAAMAAAACzh9QXYAQAANAAAAETh9QVI4fUFGgAAAFjh9QXaAQAAHAAAAFfh9QXbAQAAIgAAAGTh9QXcAQAAIwAAAN0BAAAhAgAAJAAAACzh9QVz4fUFBAAAAALh9QXfAQAABQAAAOgBAADgAQAACAAAAOEBAABz4fUFEAAAAOIBAADlAQAAEgAAAOMBAADlAQAAEwAAAOQBAADlAQAAFgAAAA7h9QXlAQAAIwAAAOYBAAAq4fUFJAAAACvh9QXnAQAALgAAAGzh9QVt4fUFBgAAAAbh9QXpAQAABwAAAAbh9QXqAQAACAAAAPcBAADrAQAADgAAAPUBAADsAQAAGgAAAO0BAAD2AQAAJQAAAO4BAABW4fUFJgAAAFbh9QXvAQAAJwAAAPABAAAGAgAAKAAAAPEBAAA54fUFKQAAADnh9QXyAQAAKgAAABoCAADzAQAAMAAAACvh9QX0AQAAMQAAAC3h9QUOAgAAGgAAAFjh9QX2AQAAHAAAAFfh9QVz4fUFCQAAAPgBAAD8AQAACgAAAPkBAAD8AQAACwAAAPoBAAD8AQAADAAAAPsBAAD8AQAADQAAACMCAAD8AQAADgAAAB0CAAD9AQAADwAAAAECAAD+AQAAFAAAAP8BAAACAgAAGQAAAAACAAAq4fUFLgAAAB3h9QUe4fUFFAAAABwCAAACAgAAGgAAAAMCAAAeAgAAJQAAAAQCAABW4fUFJgAAAFbh9QUFAgAAJwAAAAgCAAAGAgAAMAAAADrh9QUHAgAAMgAAAEnh9QVV4fUFKAAAAAkCAAA54fUFKQAAADnh9QUKAgAAKgAAABoCAAALAgAAMAAAACvh9QUMAgAAMQAAAC3h9QUNAgAAMwAAABECAAAOAgAAPAAAADfh9QUPAgAAPgAAADfh9QUQAgAAPwAAADfh9QUu4fUFPAAAABQCAAASAgAAPgAAADfh9QUTAgAAPwAAABUCAAAu4fUFPgAAADfh9QUVAgAAQAAAABYCAAA24fUFQgAAABcCAAA14fUFRQAAABgCAABB4fUFRgAAABkCAAA04fUFSAAAADvh9QUz4fUFMAAAACvh9QUbAgAANAAAAELh9QVI4fUFGQAAABjh9QUq4fUFGgAAAFjh9QUeAgAAHAAAAFfh9QUfAgAAIgAAAGTh9QUgAgAAIwAAACICAAAhAgAAJAAAACrh9QVz4fUFJAAAACvh9QVz4fUFEQAAACQCAAAW4fUFFAAAACUCAAAV4fUFIQAAACgCAAAmAgAALAAAABHh9QUnAgAALQAAABPh9QUU4fUFLAAAAA/h9QUpAgAALQAAAA/h9QUU4fUF", "base64"), 0);
const _0 = { ref: "Region" };
const _1 = [_0];
const _0_2 = ["isSet", _1];
const _0_3 = { ref: "Accelerate" };
const _1_2 = [_0_3, true];
const _1_3 = ["booleanEquals", _1_2];
const _0_4 = { ref: "UseFIPS" };
const _1_4 = [_0_4, true];
const _2 = ["booleanEquals", _1_4];
const _0_5 = { ref: "UseDualStack" };
const _1_5 = [_0_5, true];
const _3 = ["booleanEquals", _1_5];
const _0_6 = { ref: "Endpoint" };
const _1_6 = [_0_6];
const _4 = ["isSet", _1_6];
const _0_7 = { ref: "Bucket" };
const _1_7 = [_0_7];
const _5 = ["isSet", _1_7];
const argv = [_0_7, 0, 6, true];
const _0_8 = { fn: "substring", argv: argv };
const argv_2 = [_0_8, ""];
const _0_9 = { fn: "coalesce", argv: argv_2 };
const _1_8 = [_0_9, "--x-s3"];
const _6 = ["stringEquals", _1_8];
const _1_9 = [_0_7, 0, 7, true];
const _0_10 = { fn: "substring", argv: _1_9 };
const argv_3 = [_0_10, ""];
const _0_11 = { fn: "coalesce", argv: argv_3 };
const _1_10 = [_0_11, "--xa-s3"];
const _7 = ["stringEquals", _1_10];
const _8 = ["aws.partition", _1, "partitionResult"];
const _9 = ["substring", _1_9, "accessPointSuffix"];
const _0_12 = { ref: "accessPointSuffix" };
const _1_11 = [_0_12, "--op-s3"];
const _10 = ["stringEquals", _1_11];
const _1_12 = [_0_7, 8, 12, true];
const _11 = ["substring", _1_12, "regionPrefix"];
const _1_13 = [_0_7, 32, 49, true];
const _12 = ["substring", _1_13, "outpostId_ssa_2"];
const _1_14 = [_0_7, 49, 50, true];
const _13 = ["substring", _1_14, "hardwareType"];
const _0_13 = { ref: "ForcePathStyle" };
const _1_15 = [_0_13, true];
const _14 = ["booleanEquals", _1_15];
const _0_14 = { ref: "partitionResult" };
const argv_4 = [_0_14, "name"];
const _0_15 = { fn: "getAttr", argv: argv_4 };
const _1_16 = [_0_15, "aws-cn"];
const _15 = ["stringEquals", _1_16];
const _1_17 = [_0_5, ".dualstack", ""];
const _16 = ["ite", _1_17, "_s3e_ds"];
const _0_16 = { ref: "outpostId_ssa_2" };
const _1_18 = [_0_16, false];
const _17 = ["isValidHostLabel", _1_18];
const _1_19 = [_0_4, "-fips", ""];
const _18 = ["ite", _1_19, "_s3e_fips"];
const _0_17 = { ref: "DisableS3ExpressSessionAuth" };
const argv_5 = [_0_17, false];
const _0_18 = { fn: "coalesce", argv: argv_5 };
const _1_20 = [_0_18, "sigv4", "sigv4-s3express"];
const _19 = ["ite", _1_20, "_s3e_auth"];
const _1_21 = [_0_7, false];
const _20 = ["aws.isVirtualHostableS3Bucket", _1_21];
const _21 = ["parseURL", _1_6, "url"];
const _0_19 = { ref: "UseS3ExpressControlEndpoint" };
const argv_6 = [_0_19, false];
const _0_20 = { fn: "coalesce", argv: argv_6 };
const _1_22 = [_0_20, true];
const _22 = ["booleanEquals", _1_22];
const _1_23 = [_0_7, true];
const _23 = ["aws.isVirtualHostableS3Bucket", _1_23];
const _0_21 = { ref: "url" };
const argv_7 = [_0_21, "scheme"];
const _0_22 = { fn: "getAttr", argv: argv_7 };
const _1_24 = [_0_22, "http"];
const _24 = ["stringEquals", _1_24];
const _1_25 = [_0, false];
const _25 = ["isValidHostLabel", _1_25];
const _26 = ["aws.parseArn", _1_7, "bucketArn"];
const argv_8 = [_0_7, "--", 0];
const _0_23 = { fn: "split", argv: argv_8 };
const _1_26 = [_0_23, "[-2]"];
const _27 = ["getAttr", _1_26, "s3expressAvailabilityZoneId"];
const argv_9 = [_0_7, 0, 4, false];
const _0_24 = { fn: "substring", argv: argv_9 };
const argv_10 = [_0_24, ""];
const _0_25 = { fn: "coalesce", argv: argv_10 };
const _1_27 = [_0_25, "arn:"];
const _28 = ["stringEquals", _1_27];
const argv_11 = [_0_7, 16, 18, true];
const _0_26 = { fn: "substring", argv: argv_11 };
const argv_12 = [_0_26, ""];
const _0_27 = { fn: "coalesce", argv: argv_12 };
const _1_28 = [_0_27, "--"];
const _29 = ["stringEquals", _1_28];
const argv_13 = [_0_21, "isIp"];
const _0_28 = { fn: "getAttr", argv: argv_13 };
const _1_29 = [_0_28, true];
const _30 = ["booleanEquals", _1_29];
const argv_14 = [_0_7, 21, 23, true];
const _0_29 = { fn: "substring", argv: argv_14 };
const argv_15 = [_0_29, ""];
const _0_30 = { fn: "coalesce", argv: argv_15 };
const _1_30 = [_0_30, "--"];
const _31 = ["stringEquals", _1_30];
const argv_16 = [_0_7, 27, 29, true];
const _0_31 = { fn: "substring", argv: argv_16 };
const argv_17 = [_0_31, ""];
const _0_32 = { fn: "coalesce", argv: argv_17 };
const _1_31 = [_0_32, "--"];
const _32 = ["stringEquals", _1_31];
const _0_33 = { ref: "regionPrefix" };
const _1_32 = [_0_33, "beta"];
const _33 = ["stringEquals", _1_32];
const _34 = ["uriEncode", _1_7, "uri_encoded_bucket"];
const _1_33 = [_0, true];
const _35 = ["isValidHostLabel", _1_33];
const _0_34 = { ref: "UseObjectLambdaEndpoint" };
const argv_18 = [_0_34, false];
const _0_35 = { fn: "coalesce", argv: argv_18 };
const _1_34 = [_0_35, true];
const _36 = ["booleanEquals", _1_34];
const _0_36 = { ref: "bucketArn" };
const _1_35 = [_0_36, "resourceId[0]"];
const _37 = ["getAttr", _1_35, "arnType"];
const _0_37 = { ref: "arnType" };
const _1_36 = [_0_37, ""];
const _38 = ["stringEquals", _1_36];
const _1_37 = [_0_37, "accesspoint"];
const _39 = ["stringEquals", _1_37];
const _1_38 = [_0_36, "resourceId[1]"];
const _40 = ["getAttr", _1_38, "accessPointName_ssa_1"];
const _0_38 = { ref: "accessPointName_ssa_1" };
const _1_39 = [_0_38, ""];
const _41 = ["stringEquals", _1_39];
const argv_19 = [_0_36, "region"];
const _0_39 = { fn: "getAttr", argv: argv_19 };
const _1_40 = [_0_39, ""];
const _42 = ["stringEquals", _1_40];
const argv_20 = [_0_7, 14, 16, true];
const _0_40 = { fn: "substring", argv: argv_20 };
const argv_21 = [_0_40, ""];
const _0_41 = { fn: "coalesce", argv: argv_21 };
const _1_41 = [_0_41, "--"];
const _43 = ["stringEquals", _1_41];
const _0_42 = { ref: "hardwareType" };
const _1_42 = [_0_42, "e"];
const _44 = ["stringEquals", _1_42];
const _1_43 = [_0_42, "o"];
const _45 = ["stringEquals", _1_43];
const _1_44 = [_0, "aws-global"];
const _46 = ["stringEquals", _1_44];
const argv_22 = [_0_7, 19, 21, true];
const _0_43 = { fn: "substring", argv: argv_22 };
const argv_23 = [_0_43, ""];
const _0_44 = { fn: "coalesce", argv: argv_23 };
const _1_45 = [_0_44, "--"];
const _47 = ["stringEquals", _1_45];
const argv_24 = [_0_36, "service"];
const _0_45 = { fn: "getAttr", argv: argv_24 };
const _1_46 = [_0_45, "s3-object-lambda"];
const _48 = ["stringEquals", _1_46];
const _0_46 = { ref: "DisableAccessPoints" };
const argv_25 = [_0_46, false];
const _0_47 = { fn: "coalesce", argv: argv_25 };
const _1_47 = [_0_47, true];
const _49 = ["booleanEquals", _1_47];
const _1_48 = [_0_45, "s3-outposts"];
const _50 = ["stringEquals", _1_48];
const _1_49 = [_0_39];
const _51 = ["aws.partition", _1_49, "bucketPartition"];
const _1_50 = [_0_38, true];
const _52 = ["isValidHostLabel", _1_50];
const argv_26 = [_0_7, 26, 28, true];
const _0_48 = { fn: "substring", argv: argv_26 };
const argv_27 = [_0_48, ""];
const _0_49 = { fn: "coalesce", argv: argv_27 };
const _1_51 = [_0_49, "--"];
const _53 = ["stringEquals", _1_51];
const argv_28 = [_0_7, 15, 17, true];
const _0_50 = { fn: "substring", argv: argv_28 };
const argv_29 = [_0_50, ""];
const _0_51 = { fn: "coalesce", argv: argv_29 };
const _1_52 = [_0_51, "--"];
const _54 = ["stringEquals", _1_52];
const _1_53 = [_0_36, "resourceId[4]"];
const _55 = ["getAttr", _1_53];
const argv_30 = [_0_7, 20, 22, true];
const _0_52 = { fn: "substring", argv: argv_30 };
const argv_31 = [_0_52, ""];
const _0_53 = { fn: "coalesce", argv: argv_31 };
const _1_54 = [_0_53, "--"];
const _56 = ["stringEquals", _1_54];
const _0_54 = { ref: "UseGlobalEndpoint" };
const _1_55 = [_0_54, true];
const _57 = ["booleanEquals", _1_55];
const _1_56 = [_0, "us-east-1"];
const _58 = ["stringEquals", _1_56];
const _59 = ["getAttr", _1_38, "outpostId_ssa_1"];
const _0_55 = { ref: "UseArnRegion" };
const argv_32 = [_0_55, true];
const _0_56 = { fn: "coalesce", argv: argv_32 };
const _1_57 = [_0_56, true];
const _60 = ["booleanEquals", _1_57];
const _0_57 = { ref: "outpostId_ssa_1" };
const _1_58 = [_0_57, false];
const _61 = ["isValidHostLabel", _1_58];
const _1_59 = [_0_36, "resourceId[2]"];
const _62 = ["getAttr", _1_59, "outpostType"];
const _1_60 = [_0, _0_39];
const _63 = ["stringEquals", _1_60];
const _0_58 = { ref: "bucketPartition" };
const argv_33 = [_0_58, "name"];
const _0_59 = { fn: "getAttr", argv: argv_33 };
const _1_61 = [_0_59, _0_15];
const _64 = ["stringEquals", _1_61];
const _0_60 = { ref: "DisableMultiRegionAccessPoints" };
const _1_62 = [_0_60, true];
const _65 = ["booleanEquals", _1_62];
const _1_63 = [_0_39, true];
const _66 = ["isValidHostLabel", _1_63];
const argv_34 = [_0_36, "partition"];
const _0_61 = { fn: "getAttr", argv: argv_34 };
const _1_64 = [_0_61, _0_15];
const _67 = ["stringEquals", _1_64];
const argv_35 = [_0_36, "accountId"];
const _0_62 = { fn: "getAttr", argv: argv_35 };
const _1_65 = [_0_62, ""];
const _68 = ["stringEquals", _1_65];
const _1_66 = [_0_45, "s3"];
const _69 = ["stringEquals", _1_66];
const _1_67 = [_0_62, false];
const _70 = ["isValidHostLabel", _1_67];
const _1_68 = [_0_36, "resourceId[3]"];
const _71 = ["getAttr", _1_68, "accessPointName_ssa_2"];
const _1_69 = [_0_38, false];
const _72 = ["isValidHostLabel", _1_69];
const _0_63 = { ref: "outpostType" };
const _1_70 = [_0_63, "accesspoint"];
const _73 = ["stringEquals", _1_70];
const _0_64 = { ref: "accessPointName_ssa_2" };
const _1_71 = [_0_64, false];
const _74 = ["isValidHostLabel", _1_71];
const conditions = [_0_2, _1_3, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, _41, _42, _43, _44, _45, _46, _47, _48, _49, _50, _51, _52, _53, _54, _55, _56, _57, _58, _59, _60, _61, _62, _63, _64, _65, _66, _67, _68, _69, _70, _71, _72, _73, _74];
const _0_65 = [-1];
const _1_72 = [-1,"Accelerate cannot be used with FIPS"];
const _2_2 = [-1,"Cannot set dual-stack in combination with a custom endpoint."];
const _3_2 = [-1,"A custom endpoint cannot be combined with FIPS"];
const _4_2 = [-1,"A custom endpoint cannot be combined with S3 Accelerate"];
const _5_2 = [-1,"Partition does not support FIPS"];
const _6_2 = [-1,"S3Express does not support S3 Accelerate."];
const _0_66 = { disableDoubleEncoding: true, name: "{_s3e_auth}", signingName: "s3express", signingRegion: "{Region}" };
const authSchemes = [_0_66];
const _1_73 = { backend: "S3Express", authSchemes: authSchemes };
const _7_2 = ["{url#scheme}://{url#authority}/{uri_encoded_bucket}{url#path}", _1_73];
const _8_2 = ["{url#scheme}://{Bucket}.{url#authority}{url#path}", _1_73];
const _9_2 = [-1,"S3Express bucket name is not a valid virtual hostable name."];
const _0_67 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3express", signingRegion: "{Region}" };
const authSchemes_2 = [_0_67];
const _1_74 = { backend: "S3Express", authSchemes: authSchemes_2 };
const _10_2 = ["https://s3express-control{_s3e_fips}{_s3e_ds}.{Region}.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_74];
const _11_2 = ["https://{Bucket}.s3express{_s3e_fips}-{s3expressAvailabilityZoneId}{_s3e_ds}.{Region}.{partitionResult#dnsSuffix}", _1_73];
const _12_2 = [-1,"Unrecognized S3Express bucket name format."];
const _13_2 = ["{url#scheme}://{url#authority}{url#path}", _1_73];
const _14_2 = ["https://s3express-control{_s3e_fips}{_s3e_ds}.{Region}.{partitionResult#dnsSuffix}", _1_74];
const _15_2 = [-1,"Expected a endpoint to be specified but no endpoint was found"];
const signingRegionSet = ["*"];
const _0_68 = { disableDoubleEncoding: true, name: "sigv4a", signingName: "s3-outposts", signingRegionSet: signingRegionSet };
const _1_75 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3-outposts", signingRegion: "{Region}" };
const authSchemes_3 = [_0_68, _1_75];
const _1_76 = { authSchemes: authSchemes_3 };
const _16_2 = ["https://{Bucket}.ec2.{url#authority}", _1_76];
const _17_2 = ["https://{Bucket}.ec2.s3-outposts.{Region}.{partitionResult#dnsSuffix}", _1_76];
const _18_2 = ["https://{Bucket}.op-{outpostId_ssa_2}.{url#authority}", _1_76];
const _19_2 = ["https://{Bucket}.op-{outpostId_ssa_2}.s3-outposts.{Region}.{partitionResult#dnsSuffix}", _1_76];
const _20_2 = [-1,"Unrecognized hardware type: \"Expected hardware type o or e but got {hardwareType}\""];
const _21_2 = [-1,"Invalid Outposts Bucket alias - it must be a valid bucket name."];
const _22_2 = [-1,"Invalid ARN: The outpost Id must only contain a-z, A-Z, 0-9 and `-`."];
const _23_2 = [-1,"Custom endpoint `{Endpoint}` was not a valid URI"];
const _24_2 = [-1,"S3 Accelerate cannot be used in this region"];
const _0_69 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3", signingRegion: "us-east-1" };
const authSchemes_4 = [_0_69];
const _1_77 = { authSchemes: authSchemes_4 };
const _25_2 = ["https://{Bucket}.s3-fips.dualstack.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _0_70 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3", signingRegion: "{Region}" };
const authSchemes_5 = [_0_70];
const _1_78 = { authSchemes: authSchemes_5 };
const _26_2 = ["https://{Bucket}.s3-fips.dualstack.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _27_2 = ["https://{Bucket}.s3-fips.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _28_2 = ["https://{Bucket}.s3-fips.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _29_2 = ["https://{Bucket}.s3-accelerate.dualstack.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _30_2 = ["https://{Bucket}.s3-accelerate.dualstack.{partitionResult#dnsSuffix}", _1_78];
const _31_2 = ["https://{Bucket}.s3.dualstack.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _32_2 = ["https://{Bucket}.s3.dualstack.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _33_2 = ["{url#scheme}://{url#authority}{url#normalizedPath}{Bucket}", _1_77];
const _34_2 = ["{url#scheme}://{Bucket}.{url#authority}{url#path}", _1_77];
const _35_2 = ["{url#scheme}://{url#authority}{url#normalizedPath}{Bucket}", _1_78];
const _36_2 = ["{url#scheme}://{Bucket}.{url#authority}{url#path}", _1_78];
const _37_2 = ["https://{Bucket}.s3-accelerate.{partitionResult#dnsSuffix}", _1_77];
const _38_2 = ["https://{Bucket}.s3-accelerate.{partitionResult#dnsSuffix}", _1_78];
const _39_2 = ["https://{Bucket}.s3.{partitionResult#dnsSuffix}", _1_77];
const _40_2 = ["https://{Bucket}.s3.{partitionResult#dnsSuffix}", _1_78];
const _41_2 = ["https://{Bucket}.s3.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _42_2 = [-1,"Invalid region: region was not a valid DNS name."];
const _43_2 = [-1,"S3 Object Lambda does not support Dual-stack"];
const _44_2 = [-1,"S3 Object Lambda does not support S3 Accelerate"];
const _45_2 = [-1,"Access points are not supported for this operation"];
const _46_2 = [-1,"Invalid configuration: region from ARN `{bucketArn#region}` does not match client region `{Region}` and UseArnRegion is `false`"];
const _47_2 = [-1,"Invalid ARN: Missing account id"];
const _0_71 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3-object-lambda", signingRegion: "{bucketArn#region}" };
const authSchemes_6 = [_0_71];
const _1_79 = { authSchemes: authSchemes_6 };
const _48_2 = ["{url#scheme}://{accessPointName_ssa_1}-{bucketArn#accountId}.{url#authority}{url#path}", _1_79];
const _49_2 = ["https://{accessPointName_ssa_1}-{bucketArn#accountId}.s3-object-lambda-fips.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_79];
const _50_2 = ["https://{accessPointName_ssa_1}-{bucketArn#accountId}.s3-object-lambda.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_79];
const _51_2 = [-1,"Invalid ARN: The access point name may only contain a-z, A-Z, 0-9 and `-`. Found: `{accessPointName_ssa_1}`"];
const _52_2 = [-1,"Invalid ARN: The account id may only contain a-z, A-Z, 0-9 and `-`. Found: `{bucketArn#accountId}`"];
const _53_2 = [-1,"Invalid region in ARN: `{bucketArn#region}` (invalid DNS name)"];
const _54_2 = [-1,"Client was configured for partition `{partitionResult#name}` but ARN (`{Bucket}`) has `{bucketPartition#name}`"];
const _55_2 = [-1,"Invalid ARN: The ARN may only contain a single resource component after `accesspoint`."];
const _56_2 = [-1,"Invalid ARN: bucket ARN is missing a region"];
const _57_2 = [-1,"Invalid ARN: Expected a resource of the format `accesspoint:<accesspoint name>` but no name was provided"];
const _58_2 = [-1,"Invalid ARN: Object Lambda ARNs only support `accesspoint` arn types, but found: `{arnType}`"];
const _59_2 = [-1,"Access Points do not support S3 Accelerate"];
const _0_72 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3", signingRegion: "{bucketArn#region}" };
const authSchemes_7 = [_0_72];
const _1_80 = { authSchemes: authSchemes_7 };
const _60_2 = ["https://{accessPointName_ssa_1}-{bucketArn#accountId}.s3-accesspoint-fips.dualstack.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_80];
const _61_2 = ["https://{accessPointName_ssa_1}-{bucketArn#accountId}.s3-accesspoint-fips.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_80];
const _62_2 = ["https://{accessPointName_ssa_1}-{bucketArn#accountId}.s3-accesspoint.dualstack.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_80];
const _63_2 = ["{url#scheme}://{accessPointName_ssa_1}-{bucketArn#accountId}.{url#authority}{url#path}", _1_80];
const _64_2 = ["https://{accessPointName_ssa_1}-{bucketArn#accountId}.s3-accesspoint.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_80];
const _65_2 = [-1,"Invalid ARN: The ARN was not for the S3 service, found: {bucketArn#service}"];
const _66_2 = [-1,"S3 MRAP does not support dual-stack"];
const _67_2 = [-1,"S3 MRAP does not support FIPS"];
const _68_2 = [-1,"S3 MRAP does not support S3 Accelerate"];
const _69_2 = [-1,"Invalid configuration: Multi-Region Access Point ARNs are disabled."];
const signingRegionSet_2 = ["*"];
const _0_73 = { disableDoubleEncoding: true, name: "sigv4a", signingName: "s3", signingRegionSet: signingRegionSet_2 };
const authSchemes_8 = [_0_73];
const _1_81 = { authSchemes: authSchemes_8 };
const _70_2 = ["https://{accessPointName_ssa_1}.accesspoint.s3-global.{partitionResult#dnsSuffix}", _1_81];
const _71_2 = [-1,"Client was configured for partition `{partitionResult#name}` but bucket referred to partition `{bucketArn#partition}`"];
const _72_2 = [-1,"Invalid Access Point Name"];
const _73_2 = [-1,"S3 Outposts does not support Dual-stack"];
const _74_2 = [-1,"S3 Outposts does not support FIPS"];
const _75 = [-1,"S3 Outposts does not support S3 Accelerate"];
const _76 = [-1,"Invalid Arn: Outpost Access Point ARN contains sub resources"];
const signingRegionSet_3 = ["*"];
const _0_74 = { disableDoubleEncoding: true, name: "sigv4a", signingName: "s3-outposts", signingRegionSet: signingRegionSet_3 };
const _1_82 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3-outposts", signingRegion: "{bucketArn#region}" };
const authSchemes_9 = [_0_74, _1_82];
const _1_83 = { authSchemes: authSchemes_9 };
const _77 = ["https://{accessPointName_ssa_2}-{bucketArn#accountId}.{outpostId_ssa_1}.{url#authority}", _1_83];
const _78 = ["https://{accessPointName_ssa_2}-{bucketArn#accountId}.{outpostId_ssa_1}.s3-outposts.{bucketArn#region}.{bucketPartition#dnsSuffix}", _1_83];
const _79 = [-1,"Invalid ARN: The access point name may only contain a-z, A-Z, 0-9 and `-`. Found: `{accessPointName_ssa_2}`"];
const _80 = [-1,"Expected an outpost type `accesspoint`, found {outpostType}"];
const _81 = [-1,"Invalid ARN: expected an access point name"];
const _82 = [-1,"Invalid ARN: Expected a 4-component resource"];
const _83 = [-1,"Invalid ARN: The outpost Id may only contain a-z, A-Z, 0-9 and `-`. Found: `{outpostId_ssa_1}`"];
const _84 = [-1,"Invalid ARN: The Outpost Id was not set"];
const _85 = [-1,"Invalid ARN: Unrecognized format: {Bucket} (type: {arnType})"];
const _86 = [-1,"Invalid ARN: No ARN type specified"];
const _87 = [-1,"Invalid ARN: `{Bucket}` was not a valid ARN"];
const _88 = [-1,"Path-style addressing cannot be used with ARN buckets"];
const _89 = ["https://s3-fips.dualstack.us-east-1.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_77];
const _90 = ["https://s3-fips.dualstack.{Region}.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_78];
const _91 = ["https://s3-fips.us-east-1.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_77];
const _92 = ["https://s3-fips.{Region}.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_78];
const _93 = ["https://s3.dualstack.us-east-1.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_77];
const _94 = ["https://s3.dualstack.{Region}.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_78];
const _95 = ["{url#scheme}://{url#authority}{url#normalizedPath}{uri_encoded_bucket}", _1_77];
const _96 = ["{url#scheme}://{url#authority}{url#normalizedPath}{uri_encoded_bucket}", _1_78];
const _97 = ["https://s3.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_77];
const _98 = ["https://s3.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_78];
const _99 = ["https://s3.{Region}.{partitionResult#dnsSuffix}/{uri_encoded_bucket}", _1_78];
const _100 = [-1,"Path-style addressing cannot be used with S3 Accelerate"];
const _0_75 = { disableDoubleEncoding: true, name: "sigv4", signingName: "s3-object-lambda", signingRegion: "{Region}" };
const authSchemes_10 = [_0_75];
const _1_84 = { authSchemes: authSchemes_10 };
const _101 = ["{url#scheme}://{url#authority}{url#path}", _1_84];
const _102 = ["https://s3-object-lambda-fips.{Region}.{partitionResult#dnsSuffix}", _1_84];
const _103 = ["https://s3-object-lambda.{Region}.{partitionResult#dnsSuffix}", _1_84];
const _104 = ["https://s3-fips.dualstack.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _105 = ["https://s3-fips.dualstack.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _106 = ["https://s3-fips.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _107 = ["https://s3-fips.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _108 = ["https://s3.dualstack.us-east-1.{partitionResult#dnsSuffix}", _1_77];
const _109 = ["https://s3.dualstack.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _110 = ["{url#scheme}://{url#authority}{url#path}", _1_77];
const _111 = ["{url#scheme}://{url#authority}{url#path}", _1_78];
const _112 = ["https://s3.{partitionResult#dnsSuffix}", _1_77];
const _113 = ["https://s3.{partitionResult#dnsSuffix}", _1_78];
const _114 = ["https://s3.{Region}.{partitionResult#dnsSuffix}", _1_78];
const _115 = [-1,"A region must be set when sending requests to S3."];
const results = [_0_65, _1_72, _2_2, _3_2, _4_2, _5_2, _6_2, _7_2, _8_2, _9_2, _10_2, _11_2, _12_2, _13_2, _14_2, _15_2, _16_2, _17_2, _18_2, _19_2, _20_2, _21_2, _22_2, _23_2, _24_2, _25_2, _26_2, _27_2, _28_2, _29_2, _30_2, _31_2, _32_2, _33_2, _34_2, _35_2, _36_2, _37_2, _38_2, _39_2, _40_2, _41_2, _42_2, _43_2, _44_2, _45_2, _46_2, _47_2, _48_2, _49_2, _50_2, _51_2, _52_2, _53_2, _54_2, _55_2, _56_2, _57_2, _58_2, _59_2, _60_2, _61_2, _62_2, _63_2, _64_2, _65_2, _66_2, _67_2, _68_2, _69_2, _70_2, _71_2, _72_2, _73_2, _74_2, _75, _76, _77, _78, _79, _80, _81, _82, _83, _84, _85, _86, _87, _88, _89, _90, _91, _92, _93, _94, _95, _96, _97, _98, _99, _100, _101, _102, _103, _104, _105, _106, _107, _108, _109, _110, _111, _112, _113, _114, _115];
const bdd = { __proto__: Prototype_2, nodes: nodes, root: 2, conditions: conditions, results: results };
const Prototype_3 = smithy_core_endpoints.EndpointCache.prototype;
const data = new Map();
const parameters = ["Accelerate","Bucket","DisableAccessPoints","DisableMultiRegionAccessPoints","DisableS3ExpressSessionAuth","Endpoint","ForcePathStyle","Region","UseArnRegion","UseDualStack","UseFIPS","UseGlobalEndpoint","UseObjectLambdaEndpoint","UseS3ExpressControlEndpoint"];
const cache = { __proto__: Prototype_3, capacity: 50, data: data, parameters: parameters };
const decideEndpoint = smithy_core_endpoints.decideEndpoint;
const signerConstructor = aws_sdk_signature_v4_multi_region.SignatureV4MultiRegion;
const createAwsAuthSigv4HttpAuthOption = (function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "s3",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
});
const createAwsAuthSigv4aHttpAuthOption = (function createAwsAuthSigv4aHttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4a",
        signingProperties: {
            name: "s3",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
});
const getSmithyContext = smithy_core_client.getSmithyContext;
const resolveParams = smithy_core_endpoints.resolveParams;
const DefaultIdentityProviderConfig = smithy_core.DefaultIdentityProviderConfig;
const loadConfigsForDefaultMode = smithy_core_client.loadConfigsForDefaultMode;
const normalizeProvider = smithy_core_client.normalizeProvider;
const closure_scope = mk_closure_scope(bdd, cache, decideEndpoint, signerConstructor, createAwsAuthSigv4HttpAuthOption, createAwsAuthSigv4aHttpAuthOption, getSmithyContext, resolveParams, DefaultIdentityProviderConfig, loadConfigsForDefaultMode, normalizeProvider);
const defaultEndpointResolver = closure_scope.defaultEndpointResolver();
Object.defineProperty(defaultEndpointResolver, "name", { value: "defaultEndpointResolver" });
const extensions = [];
const getAwsChunkedEncodingStream = smithy_core_serde.getAwsChunkedEncodingStream;
const createHttpAuthOptionFunctions = { "aws.auth#sigv4": createAwsAuthSigv4HttpAuthOption, "aws.auth#sigv4a": createAwsAuthSigv4aHttpAuthOption };
const defaultS3HttpAuthSchemeProvider = closure_scope.defaultS3HttpAuthSchemeProvider();
Object.defineProperty(defaultS3HttpAuthSchemeProvider, "name", { value: "_defaultS3HttpAuthSchemeProvider" });
const createEndpointRuleSetHttpAuthSchemeProvi = closure_scope.mk_createEndpointRuleSetHttpAuthSchemeProvi(createHttpAuthOptionFunctions, defaultEndpointResolver, defaultS3HttpAuthSchemeProvider);
const endpointRuleSetHttpAuthSchemeProvider = createEndpointRuleSetHttpAuthSchemeProvi.endpointRuleSetHttpAuthSchemeProvider();
Object.defineProperty(endpointRuleSetHttpAuthSchemeProvider, "name", { value: "endpointRuleSetHttpAuthSchemeProvider" });
const identityProvider = (0, (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"));
Object.defineProperty(identityProvider, "name", { value: "identityProvider" });
const Prototype_4 = aws_sdk_core_httpAuthSchemes.AWSSDKSigV4Signer.prototype;
const signer = { __proto__: Prototype_4 };
const _0_76 = { schemeId: "aws.auth#sigv4", identityProvider: identityProvider, signer: signer };
const identityProvider_2 = (0, (ipc) => ipc.getIdentityProvider("aws.auth#sigv4a"));
Object.defineProperty(identityProvider_2, "name", { value: "identityProvider" });
const Prototype_5 = aws_sdk_core_httpAuthSchemes.AwsSdkSigV4ASigner.prototype;
const signer_2 = { __proto__: Prototype_5 };
const _1_85 = { schemeId: "aws.auth#sigv4a", identityProvider: identityProvider_2, signer: signer_2 };
const httpAuthSchemes = [_0_76, _1_85];
const Prototype_6 = smithy_core_client.NoOpLogger.prototype;
const logger = { __proto__: Prototype_6 };
const md5 = smithy_core_checksum.Md5;
const Prototype_7 = aws_sdk_middleware_sdk_s3_s3.S3RestXmlProtocol.prototype;
const errorTypeRegistries = aws_sdk_client_s3.errorTypeRegistries;
const protocolSettings = { defaultNamespace: "com.amazonaws.s3", errorTypeRegistries: errorTypeRegistries, xmlNamespace: "http://s3.amazonaws.com/doc/2006-03-01/", version: "2006-03-01", serviceTarget: "AmazonS3" };
const Prototype_8 = smithy_core_schema.TypeRegistry.prototype;
const get_smithy_ts_sdk_synthetic_com_amazonaw = aws_sdk_client_s3.S3ServiceException$;
const get_com_amazonaws_s3_AccessDenied = aws_sdk_client_s3.AccessDenied$;
const get_com_amazonaws_s3_AnnotationLimitExce = aws_sdk_client_s3.AnnotationLimitExceeded$;
const get_com_amazonaws_s3_AnnotationNameTooLo = aws_sdk_client_s3.AnnotationNameTooLong$;
const get_com_amazonaws_s3_BucketAlreadyExists = aws_sdk_client_s3.BucketAlreadyExists$;
const get_com_amazonaws_s3_BucketAlreadyOwnedB = aws_sdk_client_s3.BucketAlreadyOwnedByYou$;
const get_com_amazonaws_s3_EncryptionTypeMisma = aws_sdk_client_s3.EncryptionTypeMismatch$;
const get_com_amazonaws_s3_IdempotencyParamete = aws_sdk_client_s3.IdempotencyParameterMismatch$;
const get_com_amazonaws_s3_InvalidAnnotationNa = aws_sdk_client_s3.InvalidAnnotationName$;
const get_com_amazonaws_s3_InvalidObjectState = aws_sdk_client_s3.InvalidObjectState$;
const get_com_amazonaws_s3_InvalidPrefix = aws_sdk_client_s3.InvalidPrefix$;
const get_com_amazonaws_s3_InvalidRequest = aws_sdk_client_s3.InvalidRequest$;
const get_com_amazonaws_s3_InvalidWriteOffset = aws_sdk_client_s3.InvalidWriteOffset$;
const get_com_amazonaws_s3_NoSuchAnnotation = aws_sdk_client_s3.NoSuchAnnotation$;
const get_com_amazonaws_s3_NoSuchBucket = aws_sdk_client_s3.NoSuchBucket$;
const get_com_amazonaws_s3_NoSuchKey = aws_sdk_client_s3.NoSuchKey$;
const get_com_amazonaws_s3_NoSuchUpload = aws_sdk_client_s3.NoSuchUpload$;
const get_com_amazonaws_s3_NotFound = aws_sdk_client_s3.NotFound$;
const get_com_amazonaws_s3_ObjectAlreadyInActi = aws_sdk_client_s3.ObjectAlreadyInActiveTierError$;
const get_com_amazonaws_s3_ObjectNotInActiveTi = aws_sdk_client_s3.ObjectNotInActiveTierError$;
const get_com_amazonaws_s3_TooManyParts = aws_sdk_client_s3.TooManyParts$;
const get_com_amazonaws_s3_UnsupportedMediaTyp = aws_sdk_client_s3.UnsupportedMediaType$;
const schemas = new Map([["smithy.ts.sdk.synthetic.com.amazonaws.s3#S3ServiceException", get_smithy_ts_sdk_synthetic_com_amazonaw], ["com.amazonaws.s3#AccessDenied", get_com_amazonaws_s3_AccessDenied], ["com.amazonaws.s3#AnnotationLimitExceeded", get_com_amazonaws_s3_AnnotationLimitExce], ["com.amazonaws.s3#AnnotationNameTooLong", get_com_amazonaws_s3_AnnotationNameTooLo], ["com.amazonaws.s3#BucketAlreadyExists", get_com_amazonaws_s3_BucketAlreadyExists], ["com.amazonaws.s3#BucketAlreadyOwnedByYou", get_com_amazonaws_s3_BucketAlreadyOwnedB], ["com.amazonaws.s3#EncryptionTypeMismatch", get_com_amazonaws_s3_EncryptionTypeMisma], ["com.amazonaws.s3#IdempotencyParameterMismatch", get_com_amazonaws_s3_IdempotencyParamete], ["com.amazonaws.s3#InvalidAnnotationName", get_com_amazonaws_s3_InvalidAnnotationNa], ["com.amazonaws.s3#InvalidObjectState", get_com_amazonaws_s3_InvalidObjectState], ["com.amazonaws.s3#InvalidPrefix", get_com_amazonaws_s3_InvalidPrefix], ["com.amazonaws.s3#InvalidRequest", get_com_amazonaws_s3_InvalidRequest], ["com.amazonaws.s3#InvalidWriteOffset", get_com_amazonaws_s3_InvalidWriteOffset], ["com.amazonaws.s3#NoSuchAnnotation", get_com_amazonaws_s3_NoSuchAnnotation], ["com.amazonaws.s3#NoSuchBucket", get_com_amazonaws_s3_NoSuchBucket], ["com.amazonaws.s3#NoSuchKey", get_com_amazonaws_s3_NoSuchKey], ["com.amazonaws.s3#NoSuchUpload", get_com_amazonaws_s3_NoSuchUpload], ["com.amazonaws.s3#NotFound", get_com_amazonaws_s3_NotFound], ["com.amazonaws.s3#ObjectAlreadyInActiveTierError", get_com_amazonaws_s3_ObjectAlreadyInActi], ["com.amazonaws.s3#ObjectNotInActiveTierError", get_com_amazonaws_s3_ObjectNotInActiveTi], ["com.amazonaws.s3#TooManyParts", get_com_amazonaws_s3_TooManyParts], ["com.amazonaws.s3#UnsupportedMediaType", get_com_amazonaws_s3_UnsupportedMediaTyp]]);
const get = aws_sdk_client_s3.S3ServiceException;
const get_2 = aws_sdk_client_s3.AccessDenied;
const get_3 = aws_sdk_client_s3.AnnotationLimitExceeded;
const get_4 = aws_sdk_client_s3.AnnotationNameTooLong;
const get_5 = aws_sdk_client_s3.BucketAlreadyExists;
const get_6 = aws_sdk_client_s3.BucketAlreadyOwnedByYou;
const get_7 = aws_sdk_client_s3.EncryptionTypeMismatch;
const get_8 = aws_sdk_client_s3.IdempotencyParameterMismatch;
const get_9 = aws_sdk_client_s3.InvalidAnnotationName;
const get_10 = aws_sdk_client_s3.InvalidObjectState;
const get_11 = aws_sdk_client_s3.InvalidPrefix;
const get_12 = aws_sdk_client_s3.InvalidRequest;
const get_13 = aws_sdk_client_s3.InvalidWriteOffset;
const get_14 = aws_sdk_client_s3.NoSuchAnnotation;
const get_15 = aws_sdk_client_s3.NoSuchBucket;
const get_16 = aws_sdk_client_s3.NoSuchKey;
const get_17 = aws_sdk_client_s3.NoSuchUpload;
const get_18 = aws_sdk_client_s3.NotFound;
const get_19 = aws_sdk_client_s3.ObjectAlreadyInActiveTierError;
const get_20 = aws_sdk_client_s3.ObjectNotInActiveTierError;
const get_21 = aws_sdk_client_s3.TooManyParts;
const get_22 = aws_sdk_client_s3.UnsupportedMediaType;
const exceptions = new Map([[get_smithy_ts_sdk_synthetic_com_amazonaw, get], [get_com_amazonaws_s3_AccessDenied, get_2], [get_com_amazonaws_s3_AnnotationLimitExce, get_3], [get_com_amazonaws_s3_AnnotationNameTooLo, get_4], [get_com_amazonaws_s3_BucketAlreadyExists, get_5], [get_com_amazonaws_s3_BucketAlreadyOwnedB, get_6], [get_com_amazonaws_s3_EncryptionTypeMisma, get_7], [get_com_amazonaws_s3_IdempotencyParamete, get_8], [get_com_amazonaws_s3_InvalidAnnotationNa, get_9], [get_com_amazonaws_s3_InvalidObjectState, get_10], [get_com_amazonaws_s3_InvalidPrefix, get_11], [get_com_amazonaws_s3_InvalidRequest, get_12], [get_com_amazonaws_s3_InvalidWriteOffset, get_13], [get_com_amazonaws_s3_NoSuchAnnotation, get_14], [get_com_amazonaws_s3_NoSuchBucket, get_15], [get_com_amazonaws_s3_NoSuchKey, get_16], [get_com_amazonaws_s3_NoSuchUpload, get_17], [get_com_amazonaws_s3_NotFound, get_18], [get_com_amazonaws_s3_ObjectAlreadyInActi, get_19], [get_com_amazonaws_s3_ObjectNotInActiveTi, get_20], [get_com_amazonaws_s3_TooManyParts, get_21], [get_com_amazonaws_s3_UnsupportedMediaTyp, get_22]]);
const compositeErrorRegistry = { __proto__: Prototype_8, namespace: "com.amazonaws.s3", schemas: schemas, exceptions: exceptions };
const Prototype_9 = aws_sdk_core_protocols.XmlCodec.prototype;
const timestampFormat = { useTrait: true, default: 5 };
const settings = { timestampFormat: timestampFormat, httpBindings: true, xmlNamespace: "http://s3.amazonaws.com/doc/2006-03-01/", serviceNamespace: "com.amazonaws.s3" };
const codec = { __proto__: Prototype_9, serdeContext: undefined, settings: settings };
const Prototype_10 = smithy_core_protocols.HttpInterceptingShapeSerializer.prototype;
const Prototype_11 = aws_sdk_core_protocols.XmlShapeSerializer.prototype;
const codecSerializer = { __proto__: Prototype_11, serdeContext: undefined, settings: settings, stringBuffer: undefined, byteBuffer: undefined, buffer: undefined };
const Prototype_12 = smithy_core_protocols.ToStringShapeSerializer.prototype;
const stringSerializer = { __proto__: Prototype_12, serdeContext: undefined, settings: settings, stringBuffer: "" };
const serializer = { __proto__: Prototype_10, codecSerializer: codecSerializer, stringSerializer: stringSerializer, buffer: undefined };
const Prototype_13 = smithy_core_protocols.HttpInterceptingShapeDeserializer.prototype;
const Prototype_14 = aws_sdk_core_protocols.XmlShapeDeserializer.prototype;
const Prototype_15 = smithy_core_protocols.FromStringShapeDeserializer.prototype;
const stringDeserializer = { __proto__: Prototype_15, serdeContext: undefined, settings: settings };
const codecDeserializer = { __proto__: Prototype_14, serdeContext: undefined, settings: settings, stringDeserializer: stringDeserializer };
const stringDeserializer_2 = { __proto__: Prototype_15, serdeContext: undefined, settings: settings };
const deserializer = { __proto__: Prototype_13, serdeContext: undefined, codecDeserializer: codecDeserializer, stringDeserializer: stringDeserializer_2 };
const NormalizedSchema = smithy_core_schema.NormalizedSchema;
const TypeRegistry = smithy_core_schema.TypeRegistry;
const decorateServiceException = smithy_core_client.decorateServiceException;
const closure_scope_2 = mk_closure_scope_2(NormalizedSchema, TypeRegistry, decorateServiceException);
const ProtocolLib = closure_scope_2.ProtocolLib();
const ProtocolLib_prototype = ProtocolLib.prototype;
const mixin = { __proto__: ProtocolLib_prototype, queryCompat: false, errorRegistry: undefined };
const protocol = { __proto__: Prototype_7, serdeContext: undefined, options: protocolSettings, compositeErrorRegistry: compositeErrorRegistry, codec: codec, serializer: serializer, deserializer: deserializer, mixin: mixin };
const sdkStreamMixin = smithy_core_serde.sdkStreamMixin;
const sha1 = aws_sdk_checksums_sha.Sha1;
const sha256 = aws_sdk_checksums_sha.Sha256;
const urlParser = smithy_core_protocols.parseUrl;
const ProviderError = smithy_core_config.ProviderError;
const isValidHostLabel = smithy_core_endpoints.isValidHostLabel;
const validRegions = new Set();
const isFipsRegion = (0, (region) => typeof region === "string" && (region.startsWith("fips-") || region.endsWith("-fips")));
Object.defineProperty(isFipsRegion, "name", { value: "isFipsRegion" });
const DEFAULTS_MODE_OPTIONS = ["in-region","cross-region","mobile","standard","legacy"];
const require_2 = require;
const resolveImdsEndpoint = (0, () => {
    const envEndpoint = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    if (envEndpoint) {
        const url = new URL(envEndpoint);
        return {
            hostname: url.hostname.replace(/^\[(.+)]$/, "$1"),
            port: url.port ? Number(url.port) : undefined,
        };
    }
    if (process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE === "IPv6") {
        return { hostname: "fd00:ec2::254" };
    }
    return { hostname: "169.254.169.254" };
});
Object.defineProperty(resolveImdsEndpoint, "name", { value: "resolveImdsEndpoint" });
const CredentialsProviderError = smithy_core_config.CredentialsProviderError;
const getSelectorName = (function getSelectorName(functionString) {
    try {
        const constants = new Set(Array.from(functionString.match(/([A-Z_]){3,}/g) ?? []));
        constants.delete("CONFIG");
        constants.delete("CONFIG_PREFIX_SEPARATOR");
        constants.delete("ENV");
        return [...constants].join(", ");
    }
    catch (ignored) {
        return functionString;
    }
});
const getProfileName = smithy_core_config.getProfileName;
const loadSharedConfigFiles = smithy_core_config.loadSharedConfigFiles;
const closure_scope_3 = mk_closure_scope_3(isFipsRegion, isValidHostLabel, validRegions, ProviderError, DEFAULTS_MODE_OPTIONS, CredentialsProviderError, getSelectorName, getProfileName, loadSharedConfigFiles, resolveImdsEndpoint, require_2);
const checkRegion = closure_scope_3.checkRegion();
Object.defineProperty(checkRegion, "name", { value: "checkRegion" });
const getRealRegion = closure_scope_3.getRealRegion();
Object.defineProperty(getRealRegion, "name", { value: "getRealRegion" });
const cacheNegativeAndReturnUndefined = closure_scope_3.cacheNegativeAndReturnUndefined();
closure_scope_3.$set.cacheNegativeAndReturnUndefined(cacheNegativeAndReturnUndefined);
Object.defineProperty(cacheNegativeAndReturnUndefined, "name", { value: "cacheNegativeAndReturnUndefined" });
const imdsRequest = closure_scope_3.imdsRequest();
closure_scope_3.$set.imdsRequest(imdsRequest);
Object.defineProperty(imdsRequest, "name", { value: "imdsRequest" });
const getInstanceMetadataRegion = closure_scope_3.getInstanceMetadataRegion();
closure_scope_3.$set.getInstanceMetadataRegion(getInstanceMetadataRegion);
Object.defineProperty(getInstanceMetadataRegion, "name", { value: "getInstanceMetadataRegion" });
const inferPhysicalRegion = closure_scope_3.inferPhysicalRegion();
closure_scope_3.$set.inferPhysicalRegion(inferPhysicalRegion);
Object.defineProperty(inferPhysicalRegion, "name", { value: "inferPhysicalRegion" });
const resolveNodeDefaultsModeAuto = closure_scope_3.resolveNodeDefaultsModeAuto();
Object.defineProperty(resolveNodeDefaultsModeAuto, "name", { value: "resolveNodeDefaultsModeAuto" });
const envVarSelector = aws_sdk_middleware_sdk_s3_s3.NODE_USE_ARN_REGION_CONFIG_OPTIONS.environmentVariableSelector;
const options = { signingName: undefined, logger: logger };
const fromEnv_scope = closure_scope_3.mk_fromEnv_scope(envVarSelector, options);
const _0_77 = fromEnv_scope._0_77();
const configSelector = aws_sdk_middleware_sdk_s3_s3.NODE_USE_ARN_REGION_CONFIG_OPTIONS.configFileSelector;
const init = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope = closure_scope_3.mk_fromSharedConfigFiles_scope(configSelector, init);
const _1_86 = fromSharedConfigFiles_scope._1_86();
const fromValue_scope = closure_scope_3.mk_fromValue_scope();
const _2_3 = fromValue_scope._2_3();
const providers = [_0_77, _1_86, _2_3];
const chain_scope = closure_scope_3.mk_chain_scope(providers);
const provider = chain_scope.provider();
const memoize_scope = closure_scope_3.mk_memoize_scope(provider);
const coalesceProvider = memoize_scope.coalesceProvider();
Object.defineProperty(coalesceProvider, "name", { value: "coalesceProvider" });
memoize_scope.$set.coalesceProvider(coalesceProvider);
const useArnRegion = memoize_scope.useArnRegion();
const utf8Decoder = smithy_core_serde.fromUtf8;
const utf8Encoder = smithy_core_serde.toUtf8;
closure_scope_3.$set.checkRegion(checkRegion);
closure_scope_3.$set.getRealRegion(getRealRegion);
const envVarSelector_2 = smithy_core_config.NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS.environmentVariableSelector;
const options_2 = { signingName: undefined, logger: logger };
const fromEnv_scope_2 = closure_scope_3.mk_fromEnv_scope_2(envVarSelector_2, options_2);
const _0_78 = fromEnv_scope_2._0_78();
const configSelector_2 = smithy_core_config.NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS.configFileSelector;
const init_2 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_2 = closure_scope_3.mk_fromSharedConfigFiles_scope_2(configSelector_2, init_2);
const _1_87 = fromSharedConfigFiles_scope_2._1_87();
const fromValue_scope_2 = closure_scope_3.mk_fromValue_scope_2();
const _2_4 = fromValue_scope_2._2_4();
const providers_2 = [_0_78, _1_87, _2_4];
const chain_scope_2 = closure_scope_3.mk_chain_scope_2(providers_2);
const provider_2 = chain_scope_2.provider_2();
const memoize_scope_2 = closure_scope_3.mk_memoize_scope_2(provider_2);
const coalesceProvider_2 = memoize_scope_2.coalesceProvider_2();
Object.defineProperty(coalesceProvider_2, "name", { value: "coalesceProvider" });
memoize_scope_2.$set.coalesceProvider(coalesceProvider_2);
const useFipsEndpoint = memoize_scope_2.useFipsEndpoint();
const resolveRegionConfig_scope = closure_scope_3.mk_resolveRegionConfig_scope(useFipsEndpoint);
const region = resolveRegionConfig_scope.region();
Object.defineProperty(region, "name", { value: "region" });
const environmentVariableSelector = closure_scope_3.environmentVariableSelector();
Object.defineProperty(environmentVariableSelector, "name", { value: "environmentVariableSelector" });
const options_3 = { signingName: undefined, logger: undefined };
const fromEnv_scope_3 = closure_scope_3.mk_fromEnv_scope_3(environmentVariableSelector, options_3);
const _0_79 = fromEnv_scope_3._0_79();
const configFileSelector = closure_scope_3.configFileSelector();
Object.defineProperty(configFileSelector, "name", { value: "configFileSelector" });
const init_3 = {};
const fromSharedConfigFiles_scope_3 = closure_scope_3.mk_fromSharedConfigFiles_scope_3(configFileSelector, init_3);
const _1_88 = fromSharedConfigFiles_scope_3._1_88();
const fromValue_scope_3 = closure_scope_3.mk_fromValue_scope_3();
const _2_5 = fromValue_scope_3._2_5();
const providers_3 = [_0_79, _1_88, _2_5];
const chain_scope_3 = closure_scope_3.mk_chain_scope_3(providers_3);
const provider_3 = chain_scope_3.provider_3();
const memoize_scope_3 = closure_scope_3.mk_memoize_scope_3(provider_3);
const coalesceProvider_3 = memoize_scope_3.coalesceProvider_3();
Object.defineProperty(coalesceProvider_3, "name", { value: "coalesceProvider" });
memoize_scope_3.$set.coalesceProvider(coalesceProvider_3);
const defaultsMode = memoize_scope_3.defaultsMode();
const resolveDefaultsModeConfig_scope = closure_scope_3.mk_resolveDefaultsModeConfig_scope(defaultsMode);
closure_scope_3.$set.resolveNodeDefaultsModeAuto(resolveNodeDefaultsModeAuto);
const provider_4 = resolveDefaultsModeConfig_scope.provider_4();
const memoize_scope_4 = closure_scope_3.mk_memoize_scope_4(provider_4);
const coalesceProvider_4 = memoize_scope_4.coalesceProvider_4();
Object.defineProperty(coalesceProvider_4, "name", { value: "coalesceProvider" });
memoize_scope_4.$set.coalesceProvider(coalesceProvider_4);
const defaultsMode_2 = memoize_scope_4.defaultsMode_2();
const envVarSelector_3 = aws_sdk_core_httpAuthSchemes.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS.environmentVariableSelector;
const options_4 = { signingName: undefined, logger: logger };
const fromEnv_scope_4 = closure_scope_3.mk_fromEnv_scope_4(envVarSelector_3, options_4);
const _0_80 = fromEnv_scope_4._0_80();
const configSelector_3 = aws_sdk_core_httpAuthSchemes.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS.configFileSelector;
const init_4 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_4 = closure_scope_3.mk_fromSharedConfigFiles_scope_4(configSelector_3, init_4);
const _1_89 = fromSharedConfigFiles_scope_4._1_89();
const staticValue = aws_sdk_core_httpAuthSchemes.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS.default;
const fromValue_scope_4 = closure_scope_3.mk_fromValue_scope_4(staticValue);
const _2_6 = fromValue_scope_4._2_6();
const providers_4 = [_0_80, _1_89, _2_6];
const chain_scope_4 = closure_scope_3.mk_chain_scope_4(providers_4);
const provider_5 = chain_scope_4.provider_5();
const memoize_scope_5 = closure_scope_3.mk_memoize_scope_5(provider_5);
const coalesceProvider_5 = memoize_scope_5.coalesceProvider_5();
Object.defineProperty(coalesceProvider_5, "name", { value: "coalesceProvider" });
memoize_scope_5.$set.coalesceProvider(coalesceProvider_5);
const authSchemePreference = memoize_scope_5.authSchemePreference();
const bodyLengthChecker = smithy_core_serde.calculateBodyLength;
const credentialDefaultProvider = aws_sdk_credential_provider_node.defaultProvider;
const env = process.env;
const crtAvailability = aws_sdk_core_client.crtAvailability;
const platform = os.platform;
const release = os.release;
const isValidUserAgentAppId = (function isValidUserAgentAppId(appId) {
    if (appId === undefined) {
        return true;
    }
    return typeof appId === "string" && appId.length <= 50;
});
const HttpRequest = smithy_core_protocols.HttpRequest;
const ACCOUNT_ID_ENDPOINT_REGEX = new RegExp("\\d{12}\\.ddb", "");
const RETRY_MODES = smithy_core_retry.RETRY_MODES;
const setFeature = aws_sdk_core_client.setFeature;
const UA_NAME_ESCAPE_REGEX = new RegExp("[^!$%&'*+\\-.^_`|~\\w]", "g");
const UA_VALUE_ESCAPE_REGEX = new RegExp("[^!$%&'*+\\-.^_`|~\\w#]", "g");
const getUserAgentPrefix = aws_sdk_core_client.getUserAgentPrefix;
const NoOpLogger = smithy_core_client.NoOpLogger;
const InvokeStore = aws_lambda_invoke_store.InvokeStore;
const closure_scope_4 = mk_closure_scope_4(env, platform, release, isValidUserAgentAppId, crtAvailability, HttpRequest, getUserAgentPrefix, NoOpLogger, InvokeStore, ACCOUNT_ID_ENDPOINT_REGEX, RETRY_MODES, setFeature, UA_NAME_ESCAPE_REGEX, UA_VALUE_ESCAPE_REGEX);
const isCrtAvailable = closure_scope_4.isCrtAvailable();
Object.defineProperty(isCrtAvailable, "name", { value: "isCrtAvailable" });
const checkFeatures = closure_scope_4.checkFeatures();
const encodeFeatures = closure_scope_4.encodeFeatures();
const escapeUserAgent = closure_scope_4.escapeUserAgent();
Object.defineProperty(escapeUserAgent, "name", { value: "escapeUserAgent" });
const sanitizeTraceHeaders = closure_scope_4.sanitizeTraceHeaders();
closure_scope_4.$set.isCrtAvailable(isCrtAvailable);
const runtimeUserAgentPair = ["md/nodejs","20.20.2"];
const createDefaultUserAgentProvider_scope = closure_scope_4.mk_createDefaultUserAgentProvider_scope();
const createDefaultUserAgentProvider_scope_2 = createDefaultUserAgentProvider_scope.mk_createDefaultUserAgentProvider_scope_2(runtimeUserAgentPair);
const defaultUserAgentProvider = createDefaultUserAgentProvider_scope_2.defaultUserAgentProvider();
const envVarSelector_4 = aws_sdk_middleware_sdk_s3_s3.NODE_DISABLE_S3_EXPRESS_SESSION_AUTH_OPTIONS.environmentVariableSelector;
const options_5 = { signingName: undefined, logger: logger };
const fromEnv_scope_5 = closure_scope_3.mk_fromEnv_scope_5(envVarSelector_4, options_5);
const _0_81 = fromEnv_scope_5._0_81();
const configSelector_4 = aws_sdk_middleware_sdk_s3_s3.NODE_DISABLE_S3_EXPRESS_SESSION_AUTH_OPTIONS.configFileSelector;
const init_5 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_5 = closure_scope_3.mk_fromSharedConfigFiles_scope_5(configSelector_4, init_5);
const _1_90 = fromSharedConfigFiles_scope_5._1_90();
const fromValue_scope_5 = closure_scope_3.mk_fromValue_scope_5();
const _2_7 = fromValue_scope_5._2_7();
const providers_5 = [_0_81, _1_90, _2_7];
const chain_scope_5 = closure_scope_3.mk_chain_scope_5(providers_5);
const provider_6 = chain_scope_5.provider_6();
const memoize_scope_6 = closure_scope_3.mk_memoize_scope_6(provider_6);
const coalesceProvider_6 = memoize_scope_6.coalesceProvider_6();
Object.defineProperty(coalesceProvider_6, "name", { value: "coalesceProvider" });
memoize_scope_6.$set.coalesceProvider(coalesceProvider_6);
const disableS3ExpressSessionAuth = memoize_scope_6.disableS3ExpressSessionAuth();
const eventStreamSerdeProvider = smithy_core_event_streams.eventStreamSerdeProvider;
const envVarSelector_5 = smithy_core_retry.NODE_MAX_ATTEMPT_CONFIG_OPTIONS.environmentVariableSelector;
const options_6 = { signingName: undefined, logger: undefined };
const fromEnv_scope_6 = closure_scope_3.mk_fromEnv_scope_6(envVarSelector_5, options_6);
const _0_82 = fromEnv_scope_6._0_82();
const configSelector_5 = smithy_core_retry.NODE_MAX_ATTEMPT_CONFIG_OPTIONS.configFileSelector;
const init_6 = { region: "us-east-1" };
const fromSharedConfigFiles_scope_6 = closure_scope_3.mk_fromSharedConfigFiles_scope_6(configSelector_5, init_6);
const _1_91 = fromSharedConfigFiles_scope_6._1_91();
const fromValue_scope_6 = closure_scope_3.mk_fromValue_scope_6();
const _2_8 = fromValue_scope_6._2_8();
const providers_6 = [_0_82, _1_91, _2_8];
const chain_scope_6 = closure_scope_3.mk_chain_scope_6(providers_6);
const provider_7 = chain_scope_6.provider_7();
const memoize_scope_7 = closure_scope_3.mk_memoize_scope_7(provider_7);
const coalesceProvider_7 = memoize_scope_7.coalesceProvider_7();
Object.defineProperty(coalesceProvider_7, "name", { value: "coalesceProvider" });
memoize_scope_7.$set.coalesceProvider(coalesceProvider_7);
const maxAttempts = memoize_scope_7.maxAttempts();
const envVarSelector_6 = aws_sdk_checksums_flexible_checksums.NODE_REQUEST_CHECKSUM_CALCULATION_CONFIG_OPTIONS.environmentVariableSelector;
const options_7 = { signingName: undefined, logger: logger };
const fromEnv_scope_7 = closure_scope_3.mk_fromEnv_scope_7(envVarSelector_6, options_7);
const _0_83 = fromEnv_scope_7._0_83();
const configSelector_6 = aws_sdk_checksums_flexible_checksums.NODE_REQUEST_CHECKSUM_CALCULATION_CONFIG_OPTIONS.configFileSelector;
const init_7 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_7 = closure_scope_3.mk_fromSharedConfigFiles_scope_7(configSelector_6, init_7);
const _1_92 = fromSharedConfigFiles_scope_7._1_92();
const fromValue_scope_7 = closure_scope_3.mk_fromValue_scope_7();
const _2_9 = fromValue_scope_7._2_9();
const providers_7 = [_0_83, _1_92, _2_9];
const chain_scope_7 = closure_scope_3.mk_chain_scope_7(providers_7);
const provider_8 = chain_scope_7.provider_8();
const memoize_scope_8 = closure_scope_3.mk_memoize_scope_8(provider_8);
const coalesceProvider_8 = memoize_scope_8.coalesceProvider_8();
Object.defineProperty(coalesceProvider_8, "name", { value: "coalesceProvider" });
memoize_scope_8.$set.coalesceProvider(coalesceProvider_8);
const requestChecksumCalculation = memoize_scope_8.requestChecksumCalculation();
const Prototype_16 = smithy_node_http_handler.NodeHttpHandler.prototype;
const require_3 = require;
const closure_scope_5 = mk_closure_scope_5(require_3);
const resolveDefaultConfig_scope = closure_scope_5.mk_resolveDefaultConfig_scope();
const PromiseResult = { connectionTimeout: undefined, requestTimeout: undefined, socketTimeout: undefined, defaultSocketTimeout: undefined, socketAcquisitionWarningTimeout: undefined, throwOnRequestTimeout: undefined, httpAgentProvider: undefined, httpsAgent: undefined, logger: undefined };
const configProvider = Promise.resolve(PromiseResult);
const metadata = { handlerProtocol: "http/1.1" };
const requestHandler = { __proto__: Prototype_16, config: undefined, configProvider: configProvider, socketWarningTimestamp: 0, externalAgent: false, metadata: metadata };
const httpAgentProvider = resolveDefaultConfig_scope.httpAgentProvider.call(requestHandler);
PromiseResult.httpAgentProvider = httpAgentProvider;
Object.defineProperty(httpAgentProvider, "name", { value: "httpAgentProvider" });
const envVarSelector_7 = aws_sdk_checksums_flexible_checksums.NODE_RESPONSE_CHECKSUM_VALIDATION_CONFIG_OPTIONS.environmentVariableSelector;
const options_8 = { signingName: undefined, logger: logger };
const fromEnv_scope_8 = closure_scope_3.mk_fromEnv_scope_8(envVarSelector_7, options_8);
const _0_84 = fromEnv_scope_8._0_84();
const configSelector_7 = aws_sdk_checksums_flexible_checksums.NODE_RESPONSE_CHECKSUM_VALIDATION_CONFIG_OPTIONS.configFileSelector;
const init_8 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_8 = closure_scope_3.mk_fromSharedConfigFiles_scope_8(configSelector_7, init_8);
const _1_93 = fromSharedConfigFiles_scope_8._1_93();
const fromValue_scope_8 = closure_scope_3.mk_fromValue_scope_8();
const _2_10 = fromValue_scope_8._2_10();
const providers_8 = [_0_84, _1_93, _2_10];
const chain_scope_8 = closure_scope_3.mk_chain_scope_8(providers_8);
const provider_9 = chain_scope_8.provider_9();
const memoize_scope_9 = closure_scope_3.mk_memoize_scope_9(provider_9);
const coalesceProvider_9 = memoize_scope_9.coalesceProvider_9();
Object.defineProperty(coalesceProvider_9, "name", { value: "coalesceProvider" });
memoize_scope_9.$set.coalesceProvider(coalesceProvider_9);
const responseChecksumValidation = memoize_scope_9.responseChecksumValidation();
const envVarSelector_8 = smithy_core_retry.NODE_RETRY_MODE_CONFIG_OPTIONS.environmentVariableSelector;
const options_9 = { signingName: undefined, logger: undefined };
const fromEnv_scope_9 = closure_scope_3.mk_fromEnv_scope_9(envVarSelector_8, options_9);
const _0_85 = fromEnv_scope_9._0_85();
const configSelector_8 = smithy_core_retry.NODE_RETRY_MODE_CONFIG_OPTIONS.configFileSelector;
const init_9 = { region: "us-east-1" };
const fromSharedConfigFiles_scope_9 = closure_scope_3.mk_fromSharedConfigFiles_scope_9(configSelector_8, init_9);
const _1_94 = fromSharedConfigFiles_scope_9._1_94();
const getRuntimeConfig_scope = closure_scope.mk_getRuntimeConfig_scope(defaultsMode_2);
const defaultConfigProvider = getRuntimeConfig_scope.defaultConfigProvider();
Object.defineProperty(defaultConfigProvider, "name", { value: "defaultConfigProvider" });
getRuntimeConfig_scope.$set.defaultConfigProvider(defaultConfigProvider);
const default_2 = getRuntimeConfig_scope.default_2();
Object.defineProperty(default_2, "name", { value: "default" });
const fromStatic_scope = closure_scope_3.mk_fromStatic_scope(default_2);
const _2_11 = fromStatic_scope._2_11();
const providers_9 = [_0_85, _1_94, _2_11];
const chain_scope_9 = closure_scope_3.mk_chain_scope_9(providers_9);
const provider_10 = chain_scope_9.provider_10();
const memoize_scope_10 = closure_scope_3.mk_memoize_scope_10(provider_10);
const coalesceProvider_10 = memoize_scope_10.coalesceProvider_10();
Object.defineProperty(coalesceProvider_10, "name", { value: "coalesceProvider" });
memoize_scope_10.$set.coalesceProvider(coalesceProvider_10);
const retryMode = memoize_scope_10.retryMode();
const envVarSelector_9 = aws_sdk_core_httpAuthSchemes.NODE_SIGV4A_CONFIG_OPTIONS.environmentVariableSelector;
const options_10 = { signingName: undefined, logger: logger };
const fromEnv_scope_10 = closure_scope_3.mk_fromEnv_scope_10(envVarSelector_9, options_10);
const _0_86 = fromEnv_scope_10._0_86();
const configSelector_9 = aws_sdk_core_httpAuthSchemes.NODE_SIGV4A_CONFIG_OPTIONS.configFileSelector;
const init_10 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_10 = closure_scope_3.mk_fromSharedConfigFiles_scope_10(configSelector_9, init_10);
const _1_95 = fromSharedConfigFiles_scope_10._1_95();
const fromValue_scope_9 = closure_scope_3.mk_fromValue_scope_9();
const _2_12 = fromValue_scope_9._2_12();
const providers_10 = [_0_86, _1_95, _2_12];
const chain_scope_10 = closure_scope_3.mk_chain_scope_10(providers_10);
const provider_11 = chain_scope_10.provider_11();
const memoize_scope_11 = closure_scope_3.mk_memoize_scope_11(provider_11);
const coalesceProvider_11 = memoize_scope_11.coalesceProvider_11();
Object.defineProperty(coalesceProvider_11, "name", { value: "coalesceProvider" });
memoize_scope_11.$set.coalesceProvider(coalesceProvider_11);
const sigv4aSigningRegionSet = memoize_scope_11.sigv4aSigningRegionSet();
const streamCollector = smithy_core_serde.streamCollector;
const streamHasher = smithy_core_checksum.readableStreamHasher;
const envVarSelector_10 = smithy_core_config.NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS.environmentVariableSelector;
const options_11 = { signingName: undefined, logger: logger };
const fromEnv_scope_11 = closure_scope_3.mk_fromEnv_scope_11(envVarSelector_10, options_11);
const _0_87 = fromEnv_scope_11._0_87();
const configSelector_10 = smithy_core_config.NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS.configFileSelector;
const init_11 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_11 = closure_scope_3.mk_fromSharedConfigFiles_scope_11(configSelector_10, init_11);
const _1_96 = fromSharedConfigFiles_scope_11._1_96();
const fromValue_scope_10 = closure_scope_3.mk_fromValue_scope_10();
const _2_13 = fromValue_scope_10._2_13();
const providers_11 = [_0_87, _1_96, _2_13];
const chain_scope_11 = closure_scope_3.mk_chain_scope_11(providers_11);
const provider_12 = chain_scope_11.provider_12();
const memoize_scope_12 = closure_scope_3.mk_memoize_scope_12(provider_12);
const coalesceProvider_12 = memoize_scope_12.coalesceProvider_12();
Object.defineProperty(coalesceProvider_12, "name", { value: "coalesceProvider" });
memoize_scope_12.$set.coalesceProvider(coalesceProvider_12);
const useDualstackEndpoint = memoize_scope_12.useDualstackEndpoint();
const useFipsEndpoint_2 = resolveRegionConfig_scope.useFipsEndpoint_2();
Object.defineProperty(useFipsEndpoint_2, "name", { value: "useFipsEndpoint" });
const envVarSelector_11 = aws_sdk_core_client.NODE_APP_ID_CONFIG_OPTIONS.environmentVariableSelector;
const options_12 = { signingName: undefined, logger: logger };
const fromEnv_scope_12 = closure_scope_3.mk_fromEnv_scope_12(envVarSelector_11, options_12);
const _0_88 = fromEnv_scope_12._0_88();
const configSelector_11 = aws_sdk_core_client.NODE_APP_ID_CONFIG_OPTIONS.configFileSelector;
const init_12 = { profile: undefined, logger: logger };
const fromSharedConfigFiles_scope_12 = closure_scope_3.mk_fromSharedConfigFiles_scope_12(configSelector_11, init_12);
const _1_97 = fromSharedConfigFiles_scope_12._1_97();
const fromValue_scope_11 = closure_scope_3.mk_fromValue_scope_11();
const _2_14 = fromValue_scope_11._2_14();
const providers_12 = [_0_88, _1_97, _2_14];
const chain_scope_12 = closure_scope_3.mk_chain_scope_12(providers_12);
const provider_13 = chain_scope_12.provider_13();
const memoize_scope_13 = closure_scope_3.mk_memoize_scope_13(provider_13);
const coalesceProvider_13 = memoize_scope_13.coalesceProvider_13();
Object.defineProperty(coalesceProvider_13, "name", { value: "coalesceProvider" });
memoize_scope_13.$set.coalesceProvider(coalesceProvider_13);
const normalizedAppIdProvider = memoize_scope_13.normalizedAppIdProvider();
const resolveUserAgentConfig_scope = closure_scope_4.mk_resolveUserAgentConfig_scope(normalizedAppIdProvider);
const userAgentAppId = resolveUserAgentConfig_scope.userAgentAppId();
Object.defineProperty(userAgentAppId, "name", { value: "userAgentAppId" });
const clientContextParams = {};
const checksumAlgorithms = {};
const AdaptiveRetryStrategy$1 = smithy_core_retry.AdaptiveRetryStrategy;
const StandardRetryStrategy$1 = smithy_core_retry.StandardRetryStrategy;
const asSdkError = (0, (error) => {
    if (error instanceof Error) {
        return error;
    }
    if (error instanceof Object) {
        return Object.assign(new Error(), error);
    }
    if (typeof error === "string") {
        return new Error(error);
    }
    return new Error(`AWS SDK error wrapper for ${error}`);
});
Object.defineProperty(asSdkError, "name", { value: "asSdkError" });
const isServerError = smithy_core_retry.isServerError;
const isThrottlingError = smithy_core_retry.isThrottlingError;
const isTransientError = smithy_core_retry.isTransientError;
const HttpResponse = smithy_core_protocols.HttpResponse;
const hasOwn = smithy_core_serde.hasOwn;
const parseRfc7231DateTime = smithy_core_serde.parseRfc7231DateTime;
const isAbortError = (0, (error) => typeof error === "object" && error !== null && "name" in error && error.name === "AbortError");
Object.defineProperty(isAbortError, "name", { value: "isAbortError" });
const isRetryStrategyV2 = (0, (retryStrategy) => typeof retryStrategy.acquireInitialRetryToken !== "undefined" &&
    typeof retryStrategy.refreshRetryTokenForRetry !== "undefined" &&
    typeof retryStrategy.recordSuccess !== "undefined");
Object.defineProperty(isRetryStrategyV2, "name", { value: "isRetryStrategyV2" });
const createAbortError = (0, (signal) => {
    const reason = signal.reason;
    if (reason instanceof Error) {
        return Object.assign(new Error("Request aborted"), { name: "AbortError", cause: reason });
    }
    return Object.assign(new Error(reason ? String(reason) : "Request aborted"), { name: "AbortError" });
});
Object.defineProperty(createAbortError, "name", { value: "createAbortError" });
const v4 = smithy_core_serde.generateIdempotencyToken;
const Readable = stream.Readable;
const closure_scope_6 = mk_closure_scope_6(AdaptiveRetryStrategy$1, RETRY_MODES, StandardRetryStrategy$1, normalizeProvider, HttpRequest, NoOpLogger, asSdkError, isAbortError, isRetryStrategyV2, v4, Readable, createAbortError, isServerError, isThrottlingError, isTransientError, HttpResponse, hasOwn, parseRfc7231DateTime);
const getRetryErrorType = closure_scope_6.getRetryErrorType();
closure_scope_6.$set.getRetryErrorType(getRetryErrorType);
Object.defineProperty(getRetryErrorType, "name", { value: "getRetryErrorType" });
const parseRetryAfterHeader = closure_scope_6.parseRetryAfterHeader();
closure_scope_6.$set.parseRetryAfterHeader(parseRetryAfterHeader);
const getRetryErrorInfo = closure_scope_6.getRetryErrorInfo();
Object.defineProperty(getRetryErrorInfo, "name", { value: "getRetryErrorInfo" });
const race = closure_scope_6.race();
Object.defineProperty(race, "name", { value: "race" });
const resolveRetryConfig_scope = closure_scope_6.mk_resolveRetryConfig_scope(maxAttempts, retryMode);
const getDefault = resolveRetryConfig_scope.getDefault();
Object.defineProperty(getDefault, "name", { value: "getDefault" });
resolveRetryConfig_scope.$set.getDefault(getDefault);
const retryStrategy = resolveRetryConfig_scope.retryStrategy();
Object.defineProperty(retryStrategy, "name", { value: "retryStrategy" });
const SelectorType = smithy_core_config.SelectorType;
const booleanSelector = smithy_core_config.booleanSelector;
const ignoreConfiguredEndpointUrlsConfigSelect = { environmentVariableSelector: undefined, configFileSelector: undefined, default: false };
const loadConfig = smithy_core_config.loadConfig;
const closure_scope_7 = mk_closure_scope_7(ignoreConfiguredEndpointUrlsConfigSelect, loadConfig, SelectorType, booleanSelector);
const environmentVariableSelector_2 = closure_scope_7.environmentVariableSelector_2();
ignoreConfiguredEndpointUrlsConfigSelect.environmentVariableSelector = environmentVariableSelector_2;
Object.defineProperty(environmentVariableSelector_2, "name", { value: "environmentVariableSelector" });
const configFileSelector_2 = closure_scope_7.configFileSelector_2();
ignoreConfiguredEndpointUrlsConfigSelect.configFileSelector = configFileSelector_2;
Object.defineProperty(configFileSelector_2, "name", { value: "configFileSelector" });
const getEndpointUrlConfig = closure_scope_7.getEndpointUrlConfig();
Object.defineProperty(getEndpointUrlConfig, "name", { value: "getEndpointUrlConfig" });
closure_scope_7.$set.getEndpointUrlConfig(getEndpointUrlConfig);
const getEndpointFromConfig = closure_scope_7.getEndpointFromConfig();
Object.defineProperty(getEndpointFromConfig, "name", { value: "getEndpointFromConfig" });
const bindResolveEndpointConfig_scope = closure_scope_7.mk_bindResolveEndpointConfig_scope(getEndpointFromConfig);
const closure_scope_8 = bindResolveEndpointConfig_scope.mk_closure_scope_8();
const serviceConfiguredEndpoint = closure_scope_8.serviceConfiguredEndpoint();
const Prototype_17 = smithy_core_event_streams.EventStreamMarshaller.prototype;
const Prototype_18 = smithy_core_event_streams.UniversalEventStreamMarshaller.prototype;
const Prototype_19 = smithy_core_event_streams.EventStreamCodec.prototype;
const Prototype_20 = smithy_core_event_streams.HeaderMarshaller.prototype;
const headerMarshaller = { __proto__: Prototype_20, toUtf8: utf8Encoder, fromUtf8: utf8Decoder };
const messageBuffer = [];
const eventStreamCodec = { __proto__: Prototype_19, headerMarshaller: headerMarshaller, messageBuffer: messageBuffer, isEndOfStream: false };
const universalMarshaller = { __proto__: Prototype_18, eventStreamCodec: eventStreamCodec, utfEncoder: utf8Encoder };
const eventStreamMarshaller = { __proto__: Prototype_17, universalMarshaller: universalMarshaller };
const bindCallerConfig = (function bindCallerConfig(config, credentialsProvider) {
    if (credentialsProvider.configBound) {
        return credentialsProvider;
    }
    const fn = async (options) => credentialsProvider({ ...options, callerClientConfig: config });
    fn.memoized = credentialsProvider.memoized;
    fn.configBound = true;
    return fn;
});
const doesIdentityRequireRefresh = smithy_core.doesIdentityRequireRefresh;
const isIdentityExpired = smithy_core.isIdentityExpired;
const memoizeIdentityProvider = smithy_core.memoizeIdentityProvider;
const normalizeProvider_2 = smithy_core.normalizeProvider;
const setCredentialFeature = aws_sdk_core_client.setCredentialFeature;
const SignatureV4 = smithy_signature_v4.SignatureV4;
const closure_scope_9 = mk_closure_scope_9(bindCallerConfig, setCredentialFeature, SignatureV4, normalizeProvider_2, doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider, SelectorType, booleanSelector);
const normalizeCredentialProvider = closure_scope_9.normalizeCredentialProvider();
const fromEnv = aws_sdk_credential_provider_env.fromEnv;
const require_4 = require;
const chain = smithy_core_config.chain;
const closure_scope_10 = mk_closure_scope_10(CredentialsProviderError, fromEnv, require_4, chain);
const remoteProvider = closure_scope_10.remoteProvider();
Object.defineProperty(remoteProvider, "name", { value: "remoteProvider" });
const init_13 = { apiVersion: "2006-03-01", base64Decoder: base64Decoder, base64Encoder: base64Encoder, disableHostPrefix: false, endpointProvider: defaultEndpointResolver, extensions: extensions, getAwsChunkedEncodingStream: getAwsChunkedEncodingStream, httpAuthSchemeProvider: endpointRuleSetHttpAuthSchemeProvider, httpAuthSchemes: httpAuthSchemes, logger: logger, md5: md5, protocol: protocol, protocolSettings: protocolSettings, sdkStreamMixin: sdkStreamMixin, serviceId: "S3", sha1: sha1, sha256: sha256, signerConstructor: signerConstructor, signingEscapePath: false, urlParser: urlParser, useArnRegion: useArnRegion, utf8Decoder: utf8Decoder, utf8Encoder: utf8Encoder, region: region, runtime: "node", defaultsMode: defaultsMode_2, authSchemePreference: authSchemePreference, bodyLengthChecker: bodyLengthChecker, credentialDefaultProvider: credentialDefaultProvider, defaultUserAgentProvider: defaultUserAgentProvider, disableS3ExpressSessionAuth: disableS3ExpressSessionAuth, eventStreamSerdeProvider: eventStreamSerdeProvider, maxAttempts: maxAttempts, requestChecksumCalculation: requestChecksumCalculation, requestHandler: requestHandler, responseChecksumValidation: responseChecksumValidation, retryMode: retryMode, sigv4aSigningRegionSet: sigv4aSigningRegionSet, streamCollector: streamCollector, streamHasher: streamHasher, useDualstackEndpoint: useDualstackEndpoint, useFipsEndpoint: useFipsEndpoint_2, userAgentAppId: userAgentAppId, forcePathStyle: false, useAccelerateEndpoint: false, useGlobalEndpoint: false, disableMultiregionAccessPoints: false, defaultSigningName: "s3", clientContextParams: clientContextParams, customUserAgent: undefined, requestStreamBufferSize: 0, checksumAlgorithms: checksumAlgorithms, retryStrategy: retryStrategy, endpoint: undefined, tls: true, isCustomEndpoint: false, ignoreConfiguredEndpointUrls: false, serviceConfiguredEndpoint: serviceConfiguredEndpoint, eventStreamMarshaller: eventStreamMarshaller, credentials: undefined, parentClientConfig: undefined };
const defaultProvider_scope = closure_scope_10.mk_defaultProvider_scope(init_13);
const _0_89 = defaultProvider_scope._0_89();
const _1_98 = defaultProvider_scope._1_98();
const _2_15 = defaultProvider_scope._2_15();
const _3_3 = defaultProvider_scope._3_3();
const _4_3 = defaultProvider_scope._4_3();
closure_scope_10.$set.remoteProvider(remoteProvider);
const _5_3 = defaultProvider_scope._5_3();
const _6_3 = defaultProvider_scope._6_3();
const providers_13 = [_0_89, _1_98, _2_15, _3_3, _4_3, _5_3, _6_3];
const internalCreateChain_scope = closure_scope_10.mk_internalCreateChain_scope(providers_13);
const chain_2 = internalCreateChain_scope.chain_2();
const treatAsExpired = aws_sdk_credential_provider_node.credentialsTreatedAsExpired;
const memoizeChain_scope = closure_scope_10.mk_memoizeChain_scope(chain_2, treatAsExpired);
const provider_14 = memoizeChain_scope.provider_14();
memoizeChain_scope.$set.provider(provider_14);
Object.defineProperty(provider_14, "name", { value: "provider" });
provider_14.memoized = true;
const bindCallerConfig_scope = closure_scope_9.mk_bindCallerConfig_scope(provider_14);
const fn = bindCallerConfig_scope.fn();
Object.defineProperty(fn, "name", { value: "fn" });
fn.memoized = true;
fn.configBound = true;
const closure_scope_11 = closure_scope_9.mk_closure_scope_11(sha256);
closure_scope_11.$set.resolvedCredentials(fn);
const get_23 = closure_scope_11.get_23();
closure_scope_11.$set.inputCredentials(fn);
closure_scope_9.$set.normalizeCredentialProvider(normalizeCredentialProvider);
const set = closure_scope_11.set();
const signer_3 = closure_scope_11.signer_3();
Object.defineProperty(signer_3, "name", { value: "signer" });
const environmentVariableSelector_3 = closure_scope_9.environmentVariableSelector_3();
Object.defineProperty(environmentVariableSelector_3, "name", { value: "environmentVariableSelector" });
const options_13 = { signingName: undefined, logger: undefined };
const fromEnv_scope_13 = closure_scope_3.mk_fromEnv_scope_13(environmentVariableSelector_3, options_13);
const _0_90 = fromEnv_scope_13._0_90();
const configFileSelector_3 = closure_scope_9.configFileSelector_3();
Object.defineProperty(configFileSelector_3, "name", { value: "configFileSelector" });
const init_14 = {};
const fromSharedConfigFiles_scope_13 = closure_scope_3.mk_fromSharedConfigFiles_scope_13(configFileSelector_3, init_14);
const _1_99 = fromSharedConfigFiles_scope_13._1_99();
const fromValue_scope_12 = closure_scope_3.mk_fromValue_scope_12();
const _2_16 = fromValue_scope_12._2_16();
const providers_14 = [_0_90, _1_99, _2_16];
const chain_scope_13 = closure_scope_3.mk_chain_scope_13(providers_14);
const provider_15 = chain_scope_13.provider_15();
const memoize_scope_14 = closure_scope_3.mk_memoize_scope_14(provider_15);
const coalesceProvider_14 = memoize_scope_14.coalesceProvider_14();
Object.defineProperty(coalesceProvider_14, "name", { value: "coalesceProvider" });
memoize_scope_14.$set.coalesceProvider(coalesceProvider_14);
const disableClockSkewCorrection = memoize_scope_14.disableClockSkewCorrection();
const Prototype_21 = aws_sdk_middleware_sdk_s3_s3.S3ExpressIdentityProviderImpl.prototype;
const CreateSessionCommandCtor = aws_sdk_client_s3.CreateSessionCommand;
const validate = aws_sdk_core_util.validate;
const defaultErrorHandler = (0, (signingProperties) => (error) => {
    throw error;
});
Object.defineProperty(defaultErrorHandler, "name", { value: "defaultErrorHandler" });
const defaultSuccessHandler = (0, (httpResponse, signingProperties) => { });
Object.defineProperty(defaultSuccessHandler, "name", { value: "defaultSuccessHandler" });
const signS3Express = (0, async (s3ExpressIdentity, signingOptions, request, sigV4MultiRegionSigner) => {
    const signedRequest = await sigV4MultiRegionSigner.signWithCredentials(request, s3ExpressIdentity, {});
    if (signedRequest.headers["X-Amz-Security-Token"] || signedRequest.headers["x-amz-security-token"]) {
        throw new Error("X-Amz-Security-Token must not be set for s3-express requests.");
    }
    return signedRequest;
});
Object.defineProperty(signS3Express, "name", { value: "signS3Express" });
const closure_scope_12 = mk_closure_scope_12(validate, HttpRequest, setFeature, defaultErrorHandler, defaultSuccessHandler, getSmithyContext, signS3Express);
const block_scope = closure_scope_12.mk_block_scope(CreateSessionCommandCtor);
const createSessionFn = block_scope.createSessionFn();
const Prototype_22 = aws_sdk_middleware_sdk_s3_s3.S3ExpressIdentityCache.prototype;
const data_2 = {};
const cache_2 = { __proto__: Prototype_22, data: data_2, lastPurgeTime: 1795829014908 };
const s3ExpressIdentityProvider = { __proto__: Prototype_21, createSessionFn: createSessionFn, cache: cache_2, accessKeyId: undefined, cacheGeneration: 0 };
const config = { apiVersion: "2006-03-01", base64Decoder: base64Decoder, base64Encoder: base64Encoder, disableHostPrefix: false, endpointProvider: defaultEndpointResolver, extensions: extensions, getAwsChunkedEncodingStream: getAwsChunkedEncodingStream, httpAuthSchemeProvider: endpointRuleSetHttpAuthSchemeProvider, httpAuthSchemes: httpAuthSchemes, logger: logger, md5: md5, protocol: protocol, protocolSettings: protocolSettings, sdkStreamMixin: sdkStreamMixin, serviceId: "S3", sha1: sha1, sha256: sha256, signerConstructor: signerConstructor, signingEscapePath: false, urlParser: urlParser, useArnRegion: useArnRegion, utf8Decoder: utf8Decoder, utf8Encoder: utf8Encoder, region: region, runtime: "node", defaultsMode: defaultsMode_2, authSchemePreference: authSchemePreference, bodyLengthChecker: bodyLengthChecker, credentialDefaultProvider: credentialDefaultProvider, defaultUserAgentProvider: defaultUserAgentProvider, disableS3ExpressSessionAuth: disableS3ExpressSessionAuth, eventStreamSerdeProvider: eventStreamSerdeProvider, maxAttempts: maxAttempts, requestChecksumCalculation: requestChecksumCalculation, requestHandler: requestHandler, responseChecksumValidation: responseChecksumValidation, retryMode: retryMode, sigv4aSigningRegionSet: sigv4aSigningRegionSet, streamCollector: streamCollector, streamHasher: streamHasher, useDualstackEndpoint: useDualstackEndpoint, useFipsEndpoint: useFipsEndpoint_2, userAgentAppId: userAgentAppId, forcePathStyle: false, useAccelerateEndpoint: false, useGlobalEndpoint: false, disableMultiregionAccessPoints: false, defaultSigningName: "s3", clientContextParams: clientContextParams, customUserAgent: undefined, requestStreamBufferSize: 0, checksumAlgorithms: checksumAlgorithms, retryStrategy: retryStrategy, endpoint: undefined, tls: true, isCustomEndpoint: false, ignoreConfiguredEndpointUrls: false, serviceConfiguredEndpoint: serviceConfiguredEndpoint, eventStreamMarshaller: eventStreamMarshaller, credentials: undefined, systemClockOffset: 0, signer: signer_3, disableClockSkewCorrection: disableClockSkewCorrection, followRegionRedirects: false, s3ExpressIdentityProvider: s3ExpressIdentityProvider, bucketEndpoint: false, expectContinueHeader: 2097152 };
codec.serdeContext = config;
codecSerializer.serdeContext = config;
stringSerializer.serdeContext = config;
stringDeserializer.serdeContext = config;
codecDeserializer.serdeContext = config;
stringDeserializer_2.serdeContext = config;
deserializer.serdeContext = config;
protocol.serdeContext = config;
resolveUserAgentConfig_scope.$set.input(config);
closure_scope_8.$set.input(config);
init_13.parentClientConfig = config;
bindCallerConfig_scope.$set.config(config);
closure_scope_11.$set.config(config);
Object.defineProperty(config, "credentials", { get: get_23, set: set, enumerable: true, configurable: true });
const operation = smithy_core_schema.operation;
const toEndpointV1 = smithy_core_endpoints.middlewareEndpointToEndpointV1;
const findHeader = (0, (pattern, headers) => {
    return (headers.find(([k]) => {
        return k.match(pattern);
    }) || [void 0, void 0])[1];
});
Object.defineProperty(findHeader, "name", { value: "findHeader" });
const closure_scope_13 = mk_closure_scope_13(getSmithyContext, operation, toEndpointV1, HttpResponse, findHeader);
const schemaSerializationMiddleware_scope = closure_scope_13.mk_schemaSerializationMiddleware_scope(config);
const middleware = schemaSerializationMiddleware_scope.middleware();
const tags = smithy_core_schema.serializerMiddlewareOption.tags;
const _0_91 = { step: "serialize", priority: "normal", middleware: middleware, name: "serializerMiddleware", tags: tags, override: true };
const schemaDeserializationMiddleware_scope = closure_scope_13.mk_schemaDeserializationMiddleware_scope(config);
const middleware_2 = schemaDeserializationMiddleware_scope.middleware_2();
const tags_2 = smithy_core_schema.deserializerMiddlewareOption.tags;
const _1_100 = { step: "deserialize", priority: "normal", middleware: middleware_2, name: "deserializerMiddleware", tags: tags_2, override: true };
closure_scope_4.$set.checkFeatures(checkFeatures);
closure_scope_4.$set.encodeFeatures(encodeFeatures);
closure_scope_4.$set.escapeUserAgent(escapeUserAgent);
const userAgentMiddleware_scope = closure_scope_4.mk_userAgentMiddleware_scope(config);
const middleware_3 = userAgentMiddleware_scope.middleware_3();
const tags_3 = aws_sdk_core_client.getUserAgentMiddlewareOptions.tags;
const _2_17 = { step: "build", priority: "low", middleware: middleware_3, name: "getUserAgentMiddleware", tags: tags_3, override: true };
closure_scope_6.$set.getRetryErrorInfo(getRetryErrorInfo);
const isStreamingPayload = closure_scope_6.isStreamingPayload();
Object.defineProperty(isStreamingPayload, "name", { value: "isStreamingPayload" });
const bindRetryMiddleware_scope = closure_scope_6.mk_bindRetryMiddleware_scope(isStreamingPayload);
const closure_scope_14 = bindRetryMiddleware_scope.mk_closure_scope_14(config);
closure_scope_6.$set.race(race);
const middleware_4 = closure_scope_14.middleware_4();
const tags_4 = smithy_core_retry.retryMiddlewareOptions.tags;
const _3_4 = { step: "finalizeRequest", priority: "high", middleware: middleware_4, name: "retryMiddleware", tags: tags_4, override: true };
const closure_scope_15 = mk_closure_scope_15(HttpRequest);
const contentLengthMiddleware_scope = closure_scope_15.mk_contentLengthMiddleware_scope(bodyLengthChecker);
const middleware_5 = contentLengthMiddleware_scope.middleware_5();
const tags_5 = smithy_core_protocols.contentLengthMiddlewareOptions.tags;
const _4_4 = { step: "build", priority: "normal", middleware: middleware_5, tags: tags_5, name: "contentLengthMiddleware", override: true };
const hostHeaderMiddleware_scope = closure_scope_4.mk_hostHeaderMiddleware_scope(config);
const middleware_6 = hostHeaderMiddleware_scope.middleware_6();
const tags_6 = aws_sdk_core_client.hostHeaderMiddlewareOptions.tags;
const _5_4 = { step: "build", priority: "low", middleware: middleware_6, name: "hostHeaderMiddleware", tags: tags_6, override: true };
const middleware_7 = closure_scope_4.middleware_7();
const tags_7 = aws_sdk_core_client.loggerMiddlewareOptions.tags;
const _6_4 = { step: "initialize", priority: "normal", middleware: middleware_7, name: "loggerMiddleware", tags: tags_7, override: true };
closure_scope_4.$set.sanitizeTraceHeaders(sanitizeTraceHeaders);
const middleware_8 = closure_scope_4.middleware_8();
const tags_8 = aws_sdk_core_client.recursionDetectionMiddlewareOptions.tags;
const _7_3 = { step: "build", priority: "low", middleware: middleware_8, tags: tags_8, name: "recursionDetectionMiddleware", override: true };
const validateBucketNameMiddleware_scope = closure_scope_12.mk_validateBucketNameMiddleware_scope();
const middleware_9 = validateBucketNameMiddleware_scope.middleware_9();
const tags_9 = aws_sdk_middleware_sdk_s3_s3.validateBucketNameMiddlewareOptions.tags;
const _8_3 = { step: "initialize", priority: "normal", middleware: middleware_9, tags: tags_9, name: "validateBucketNameMiddleware", override: true };
const addExpectContinueMiddleware_scope = closure_scope_12.mk_addExpectContinueMiddleware_scope(config);
const middleware_10 = addExpectContinueMiddleware_scope.middleware_10();
const tags_10 = aws_sdk_middleware_sdk_s3_s3.addExpectContinueMiddlewareOptions.tags;
const _9_3 = { step: "build", priority: "normal", middleware: middleware_10, tags: tags_10, name: "addExpectContinueMiddleware", override: true };
const regionRedirectMiddleware_scope = closure_scope_12.mk_regionRedirectMiddleware_scope(config);
const middleware_11 = regionRedirectMiddleware_scope.middleware_11();
const tags_11 = aws_sdk_middleware_sdk_s3_s3.regionRedirectMiddlewareOptions.tags;
const _10_3 = { step: "initialize", priority: "normal", middleware: middleware_11, tags: tags_11, name: "regionRedirectMiddleware", override: true };
const s3ExpressMiddleware_scope = closure_scope_12.mk_s3ExpressMiddleware_scope(config);
const middleware_12 = s3ExpressMiddleware_scope.middleware_12();
const tags_12 = aws_sdk_middleware_sdk_s3_s3.s3ExpressMiddlewareOptions.tags;
const _11_3 = { step: "build", priority: "normal", middleware: middleware_12, name: "s3ExpressMiddleware", tags: tags_12, override: true };
const absoluteEntries = [_0_91, _1_100, _2_17, _3_4, _4_4, _5_4, _6_4, _7_3, _8_3, _9_3, _10_3, _11_3];
const getAllAliases = (0, (name, aliases) => {
    const _aliases = [];
    if (name) {
        _aliases.push(name);
    }
    if (aliases) {
        for (const alias of aliases) {
            _aliases.push(alias);
        }
    }
    return _aliases;
});
Object.defineProperty(getAllAliases, "name", { value: "getAllAliases" });
const getMiddlewareNameWithAliases = (0, (name, aliases) => {
    return `${name || "anonymous"}${aliases && aliases.length > 0 ? ` (a.k.a. ${aliases.join(",")})` : ""}`;
});
Object.defineProperty(getMiddlewareNameWithAliases, "name", { value: "getMiddlewareNameWithAliases" });
const constructStack = smithy_core_client.constructStack;
const priorityWeights = { high: 3, normal: 2, low: 1 };
const stepWeights = { initialize: 5, serialize: 4, build: 3, finalizeRequest: 2, deserialize: 1 };
const closure_scope_16 = mk_closure_scope_16(getAllAliases, getMiddlewareNameWithAliases, constructStack, priorityWeights, stepWeights);
const entriesNameSet = new Set(["serializerMiddleware", "deserializerMiddleware", "getUserAgentMiddleware", "retryMiddleware", "contentLengthMiddleware", "hostHeaderMiddleware", "loggerMiddleware", "recursionDetectionMiddleware", "httpAuthSchemeMiddleware", "httpSigningMiddleware", "apiKeyMiddleware", "tokenMiddleware", "awsAuthMiddleware", "validateBucketNameMiddleware", "bucketEndpointMiddleware", "addExpectContinueMiddleware", "regionRedirectMiddleware", "regionRedirectEndpointMiddleware", "s3ExpressMiddleware"]);
const convertHttpAuthSchemesToMap = (function convertHttpAuthSchemesToMap(httpAuthSchemes) {
    const map = new Map();
    for (const scheme of httpAuthSchemes) {
        map.set(scheme.schemeId, scheme);
    }
    return map;
});
const resolveAuthOptions = (0, (candidateAuthOptions, authSchemePreference) => {
    if (!authSchemePreference || authSchemePreference.length === 0) {
        return candidateAuthOptions;
    }
    const preferredAuthOptions = [];
    for (const preferredSchemeName of authSchemePreference) {
        for (const candidateAuthOption of candidateAuthOptions) {
            const candidateAuthSchemeName = candidateAuthOption.schemeId.split("#")[1];
            if (candidateAuthSchemeName === preferredSchemeName) {
                preferredAuthOptions.push(candidateAuthOption);
            }
        }
    }
    for (const candidateAuthOption of candidateAuthOptions) {
        if (!preferredAuthOptions.find(({ schemeId }) => schemeId === candidateAuthOption.schemeId)) {
            preferredAuthOptions.push(candidateAuthOption);
        }
    }
    return preferredAuthOptions;
});
Object.defineProperty(resolveAuthOptions, "name", { value: "resolveAuthOptions" });
const closure_scope_17 = mk_closure_scope_17(convertHttpAuthSchemesToMap, getSmithyContext, resolveAuthOptions);
const defaultS3HttpAuthSchemeParametersProvide = closure_scope.defaultS3HttpAuthSchemeParametersProvide();
Object.defineProperty(defaultS3HttpAuthSchemeParametersProvide, "name", { value: "_defaultS3HttpAuthSchemeParametersProvider" });
const createEndpointRuleSetHttpAuthSchemeParam = closure_scope.mk_createEndpointRuleSetHttpAuthSchemeParam(defaultS3HttpAuthSchemeParametersProvide);
const httpAuthSchemeParametersProvider = createEndpointRuleSetHttpAuthSchemeParam.httpAuthSchemeParametersProvider();
const identityProviderConfigProvider = closure_scope.identityProviderConfigProvider();
Object.defineProperty(identityProviderConfigProvider, "name", { value: "identityProviderConfigProvider" });
const mwOptions = { httpAuthSchemeParametersProvider: httpAuthSchemeParametersProvider, identityProviderConfigProvider: identityProviderConfigProvider };
const httpAuthSchemeMiddleware_scope = closure_scope_17.mk_httpAuthSchemeMiddleware_scope(config, mwOptions);
const middleware_13 = httpAuthSchemeMiddleware_scope.middleware_13();
const tags_13 = smithy_core.httpAuthSchemeEndpointRuleSetMiddlewareOptions.tags;
const _0_92 = { middleware: middleware_13, step: "serialize", tags: tags_13, name: "httpAuthSchemeMiddleware", override: true, relation: "before", toMiddleware: "endpointV2Middleware" };
const bucketEndpointMiddleware$1_scope = closure_scope_12.mk_bucketEndpointMiddleware$1_scope(config);
const middleware_14 = bucketEndpointMiddleware$1_scope.middleware_14();
const _1_101 = { middleware: middleware_14, name: "bucketEndpointMiddleware", override: true, relation: "after", toMiddleware: "endpointV2Middleware" };
const regionRedirectEndpointMiddleware_scope = closure_scope_12.mk_regionRedirectEndpointMiddleware_scope(config);
const middleware_15 = regionRedirectEndpointMiddleware_scope.middleware_15();
const tags_14 = aws_sdk_middleware_sdk_s3_s3.regionRedirectEndpointMiddlewareOptions.tags;
const _2_18 = { middleware: middleware_15, tags: tags_14, name: "regionRedirectEndpointMiddleware", override: true, relation: "before", toMiddleware: "endpointV2Middleware" };
const s3ExpressHttpSigningMiddleware_scope = closure_scope_12.mk_s3ExpressHttpSigningMiddleware_scope(config);
const middleware_16 = s3ExpressHttpSigningMiddleware_scope.middleware_16();
const tags_15 = aws_sdk_middleware_sdk_s3_s3.s3ExpressHttpSigningMiddlewareOptions.tags;
const aliases = aws_sdk_middleware_sdk_s3_s3.s3ExpressHttpSigningMiddlewareOptions.aliases;
const _3_5 = { middleware: middleware_16, step: "finalizeRequest", tags: tags_15, name: "httpSigningMiddleware", aliases: aliases, override: true, relation: "after", toMiddleware: "retryMiddleware" };
const relativeEntries = [_0_92, _1_101, _2_18, _3_5];
const sort = closure_scope_16.sort();
Object.defineProperty(sort, "name", { value: "sort" });
const constructStack_scope = closure_scope_16.mk_constructStack_scope(entriesNameSet, sort);
constructStack_scope.$set.relativeEntries(relativeEntries);
const cloneTo = constructStack_scope.cloneTo();
Object.defineProperty(cloneTo, "name", { value: "cloneTo" });
const removeByName = constructStack_scope.removeByName();
Object.defineProperty(removeByName, "name", { value: "removeByName" });
const removeByReference = constructStack_scope.removeByReference();
Object.defineProperty(removeByReference, "name", { value: "removeByReference" });
const expandRelativeMiddlewareList = constructStack_scope.expandRelativeMiddlewareList();
constructStack_scope.$set.expandRelativeMiddlewareList(expandRelativeMiddlewareList);
Object.defineProperty(expandRelativeMiddlewareList, "name", { value: "expandRelativeMiddlewareList" });
const getMiddlewareList = constructStack_scope.getMiddlewareList();
Object.defineProperty(getMiddlewareList, "name", { value: "getMiddlewareList" });
constructStack_scope.$set.absoluteEntries(absoluteEntries);
const add = constructStack_scope.add();
Object.defineProperty(add, "name", { value: "add" });
const addRelativeTo = constructStack_scope.addRelativeTo();
Object.defineProperty(addRelativeTo, "name", { value: "addRelativeTo" });
constructStack_scope.$set.cloneTo(cloneTo);
const clone = constructStack_scope.clone();
Object.defineProperty(clone, "name", { value: "clone" });
const use = constructStack_scope.use();
Object.defineProperty(use, "name", { value: "use" });
constructStack_scope.$set.removeByName(removeByName);
constructStack_scope.$set.removeByReference(removeByReference);
const remove = constructStack_scope.remove();
Object.defineProperty(remove, "name", { value: "remove" });
const removeByTag = constructStack_scope.removeByTag();
Object.defineProperty(removeByTag, "name", { value: "removeByTag" });
const concat = constructStack_scope.concat();
Object.defineProperty(concat, "name", { value: "concat" });
constructStack_scope.$set.getMiddlewareList(getMiddlewareList);
const identify = constructStack_scope.identify();
Object.defineProperty(identify, "name", { value: "identify" });
const identifyOnResolve = constructStack_scope.identifyOnResolve();
const resolve = constructStack_scope.resolve();
Object.defineProperty(resolve, "name", { value: "resolve" });
const middlewareStack = { add: add, addRelativeTo: addRelativeTo, clone: clone, use: use, remove: remove, removeByTag: removeByTag, concat: concat, applyToStack: cloneTo, identify: identify, identifyOnResolve: identifyOnResolve, resolve: resolve };
constructStack_scope.$set.stack(middlewareStack);
const s3 = { __proto__: Prototype, config: config, middlewareStack: middlewareStack, initConfig: config, handlers: undefined };
const s3ClientProvider = (function () { return (() => this); }).call(s3);
block_scope.$set.s3ClientProvider(s3ClientProvider);
const closure_scope_18 = mk_closure_scope_18(PutObjectCommand, s3);
const handler = closure_scope_18.handler();
exports.handler = handler;
