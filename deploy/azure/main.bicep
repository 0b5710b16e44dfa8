// crampbot on Azure: a Linux App Service (Node 20) running the bot and its Web Chat page, an Azure Bot
// (single tenant) with the Microsoft Teams and Direct Line channels, and a storage account whose blob
// container holds conversation state (STORAGE=blobs).
//
//   az deployment group create -g <group> -f deploy/azure/main.bicep \
//     -p microsoftAppId=<app id> microsoftAppPassword=<client secret>
//
// Step by step, from nothing: deploy/README.md.

targetScope = 'resourceGroup'

@description('Name prefix for every resource; lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param name string = 'crampbot'

@description('Where the web app and the storage account live (the bot resource itself is global).')
param location string = resourceGroup().location

@description('Application (client) id of the bot\'s single-tenant Microsoft Entra app registration.')
param microsoftAppId string

@description('A client secret of that app registration.')
@secure()
param microsoftAppPassword string

@description('The tenant of the app registration.')
param microsoftAppTenantId string = tenant().tenantId

@description('Emergency numbers and services the bot names (uk: 999 / NHS 111; ie: 112 or 999; us: 911; eu: 112).')
@allowed([
  'uk'
  'ie'
  'us'
  'eu'
])
param region string = 'uk'

@description('A Direct Line secret for the web page (see deploy/README.md); empty: the page uses the app\'s built-in Direct Line.')
@secure()
param directLineSecret string = ''

@description('App Service plan size. B1 or larger: Always On needs it.')
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Conversation state older than this many days is deleted.')
@minValue(1)
@maxValue(3650)
param stateTtlDays int = 30

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'
var storageName = take('${toLower(replace(name, '-', ''))}${suffix}', 24)
var stateContainer = 'crampbot-state'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: {
    publicAccess: 'None'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'MICROSOFT_APP_ID'
          value: microsoftAppId
        }
        {
          name: 'MICROSOFT_APP_PASSWORD'
          value: microsoftAppPassword
        }
        {
          name: 'MICROSOFT_APP_TYPE'
          value: 'SingleTenant'
        }
        {
          name: 'MICROSOFT_APP_TENANT_ID'
          value: microsoftAppTenantId
        }
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'STORAGE'
          value: 'blobs'
        }
        {
          name: 'BLOB_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'BLOB_CONTAINER'
          value: container.name
        }
        {
          name: 'REGION'
          value: region
        }
        {
          name: 'DIRECT_LINE_SECRET'
          value: directLineSecret
        }
        {
          name: 'STATE_TTL_DAYS'
          value: string(stateTtlDays)
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          name: 'LOG_TEXT'
          value: '0'
        }
        // The zip from deploy/README.md is already built, with its production node_modules.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: appName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'crampbot'
    description: 'Plain answers about leg cramps, with NHS sources, and when to get help.'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      enableCalling: false
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'crampbot web page'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isBlockUserUploadEnabled: true
          // Enhanced authentication: tokens carry the dl_ user id, and only this origin may use them.
          isSecureSiteEnabled: true
          trustedOrigins: [
            'https://${web.properties.defaultHostName}'
          ]
        }
      ]
    }
  }
}

@description('The web app to deploy the zip to.')
output webAppName string = web.name

@description('BOT_DOMAIN for `npm run package:teams`; the Web Chat page is https://<this>/.')
output botDomain string = web.properties.defaultHostName

@description('The Azure Bot resource (its Direct Line secret: see deploy/README.md).')
output botName string = bot.name

output storageAccountName string = storage.name
