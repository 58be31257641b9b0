// Log Analytics workspace and a workspace-based Application Insights that accepts only Entra-authenticated
// telemetry (local auth off): the app's identity gets Monitoring Metrics Publisher, so no key is needed.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Tags put on every resource of this module.')
param tags object

@description('Days the workspace keeps logs (30-730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Principal id of the identity that sends telemetry (gets Monitoring Metrics Publisher).')
param telemetryPublisherPrincipalId string

@description('Resource id of that identity, known before deployment: keeps the role assignment name predictable.')
param telemetryPublisherResourceId string

// Monitoring Metrics Publisher: 3913510d-42f4-4e42-8a64-420c390055eb (send telemetry with Entra auth only).
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource publisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, telemetryPublisherResourceId, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    principalId: telemetryPublisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
  }
}

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Application Insights connection string (an endpoint and a resource id, not a credential: local auth is off).')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Name of the Log Analytics workspace.')
output workspaceName string = workspace.name

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id
