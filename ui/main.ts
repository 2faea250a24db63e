import './sawtooth-app.js';
