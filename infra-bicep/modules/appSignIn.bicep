// Entra ID sign-in in front of the calculation tool: App Service authentication ('Easy Auth') on the function
// app. Every path needs a signed-in user except the keyed API (/api/*, which machine clients such as Power BI
// call with function keys and no user) and the Functions host's webhooks (/runtime/webhooks/*, which Event Grid
// calls with the blobs_extension key). So the page at / and its keyless API under /page-api/ are reachable
// only after sign-in, and the function code checks the signed-in user once more (Web/PageSignIn.cs).
// No client secret: the app's user-assigned identity signs the login as a federated credential of the app
// registration (app setting OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID, set in main.bicep).

@description('Name of the function app.')
param functionAppName string

@description('Application (client) id of the Entra app registration that users sign in to.')
@minLength(36)
@maxLength(36)
param clientId string

@description('Name of the app setting that holds the client id of the managed identity used as the federated credential.')
param federatedCredentialSettingName string

@description('Paths App Service authentication lets through without sign-in: the keyed API and the host\'s webhooks.')
param excludedPaths array

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: excludedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: clientId
          clientSecretSettingName: federatedCredentialSettingName
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
          ]
        }
      }
    }
    login: {
      // The page's share links keep the scenario in the fragment (#s=…); it must survive the sign-in round trip.
      preserveUrlFragmentsForLogins: true
      tokenStore: {
        enabled: false
      }
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

@description('The redirect URI to register on the app registration (Web platform).')
output redirectUri string = 'https://${site.properties.defaultHostName}/.auth/login/aad/callback'
