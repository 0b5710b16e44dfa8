// Starts Web Chat against the built-in Direct Line (local) or Azure's Direct Line (with a token from
// this server), welcomes the user through a `webchat/join` event, and styles the chat as crampbot.
(function () {
  'use strict';

  var settings = JSON.parse(document.getElementById('crampbot-settings').textContent);
  var host = document.getElementById('webchat');
  var status = document.getElementById('status');

  var ACCENT = '#0b5cad';
  var styleOptions = {
    accent: ACCENT,
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    botAvatarImage: '/static/crampbot.svg',
    // Screen readers announce "Bot crampbot said"; the avatar shows the image.
    botAvatarInitials: 'crampbot',
    userAvatarInitials: 'You',
    avatarSize: 36,
    bubbleBackground: '#eef2f7',
    bubbleBorderColor: '#d5dde7',
    bubbleBorderRadius: 12,
    bubbleTextColor: '#1b2430',
    bubbleFromUserBackground: ACCENT,
    bubbleFromUserBorderColor: ACCENT,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 560,
    subtle: '#4a5565',
    timestampColor: '#4a5565',
    hideUploadButton: true,
    sendBoxTextWrap: true,
    sendBoxButtonColor: ACCENT,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: ACCENT,
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: ACCENT,
    suggestedActionBorderRadius: 18,
    suggestedActionHeight: 44,
    richCardWrapTitle: true,
    rootHeight: '100%',
    rootWidth: '100%'
  };

  function fail(message) {
    var notice = document.querySelector('.notice__emergency');
    status.textContent = message + ' ' + (notice ? notice.textContent : '');
    status.className = 'chat__status chat__status--error';
    status.setAttribute('role', 'alert');
  }

  function connect() {
    if (settings.directLine === 'service') {
      return fetch(settings.tokenUrl, { method: 'POST' }).then(function (response) {
        if (!response.ok) throw new Error('token ' + response.status);
        // The token carries the user's dl_ id; Web Chat reads it from there (it refuses dl_ ids given otherwise).
        return response.json().then(function (grant) {
          return { directLine: window.WebChat.createDirectLine({ token: grant.token }) };
        });
      });
    }
    return Promise.resolve({
      directLine: window.WebChat.createDirectLine({
        domain: new URL(settings.domain, window.location.href).href,
        webSocket: false,
        pollingInterval: 500
      })
    });
  }

  if (!window.WebChat) {
    fail('Sorry, the chat could not load. Please reload the page.');
    return;
  }

  // Web Chat does not tell the bot that a user arrived until they type; this event lets it welcome them.
  var joined = false;
  var store = window.WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !joined) {
          joined = true;
          api.dispatch({
            type: 'WEB_CHAT/SEND_EVENT',
            payload: { name: 'webchat/join', value: { locale: settings.locale } }
          });
        }
        return next(action);
      };
    };
  });

  connect()
    .then(function (connection) {
      status.remove();
      window.WebChat.renderWebChat(
        {
          directLine: connection.directLine,
          username: 'You',
          locale: settings.locale,
          store: store,
          styleOptions: styleOptions
        },
        host
      );
      var input = host.querySelector('input, textarea');
      if (input) input.focus();
    })
    .catch(function () {
      fail('Sorry, the chat could not start. Please reload the page in a minute.');
    });
})();
